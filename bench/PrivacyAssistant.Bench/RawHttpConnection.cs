using System.Buffers.Text;
using System.Net;
using System.Net.Sockets;

namespace PrivacyAssistant.Bench;

/// <summary>
/// One virtual user of <see cref="RawHttpLoadClient"/>: a keep-alive HTTP/1.1 connection, opened on
/// first use and again after a failure or <c>Connection: close</c>. It sends a prebuilt request and
/// reads the response through to its last byte (Content-Length or chunked; until the server closes
/// when it gives neither), with no per-request allocation.
/// </summary>
public sealed class RawHttpConnection(IPEndPoint endPoint, byte[][] requests) : ILoadUser, IDisposable
{
    private Socket? socket;
    private byte[] buffer = new byte[16 * 1024];
    private int start;
    private int end;

    public ValueTask<LoadResponse> PostAsync(int bodyIndex) => PostAsync(bodyIndex, sink: null);

    /// <param name="sink">Receives the body (decoded from chunks), for the check against HttpClient.</param>
    public async ValueTask<LoadResponse> PostAsync(int bodyIndex, Stream? sink)
    {
        try
        {
            if (socket is null)
            {
                socket = new Socket(endPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                await socket.ConnectAsync(endPoint);
                start = end = 0;
            }

            var request = requests[bodyIndex];
            for (var sent = 0; sent < request.Length;)
            {
                sent += await socket.SendAsync(request.AsMemory(sent), SocketFlags.None);
            }

            return await ReadResponseAsync(sink);
        }
        catch (Exception e) when (e is SocketException or IOException or FormatException)
        {
            Close();
            return LoadResponse.ConnectionFailed;
        }
    }

    private async ValueTask<LoadResponse> ReadResponseAsync(Stream? sink)
    {
        var headerEnd = await ReadLineEndAsync(doubled: true);
        ReadOnlySpan<byte> head = buffer.AsSpan(start, headerEnd - start);
        // "HTTP/1.1 200 OK"
        if (head.Length < 12 || !head.StartsWith("HTTP/1."u8) || !Utf8Parser.TryParse(head.Slice(9, 3), out int status, out _))
        {
            throw new FormatException("not an HTTP/1.x status line");
        }

        long contentLength = -1;
        bool chunked = false, close = false;
        foreach (var range in head.Split("\r\n"u8))
        {
            var line = head[range];
            var colon = line.IndexOf((byte)':');
            if (colon <= 0)
            {
                continue;
            }

            var name = line[..colon];
            var value = line[(colon + 1)..].Trim((byte)' ');
            if (System.Text.Ascii.EqualsIgnoreCase(name, "Content-Length"u8))
            {
                if (!Utf8Parser.TryParse(value, out contentLength, out _))
                {
                    throw new FormatException("bad Content-Length");
                }
            }
            else if (System.Text.Ascii.EqualsIgnoreCase(name, "Transfer-Encoding"u8))
            {
                chunked = value.IndexOf("chunked"u8) >= 0;
            }
            else if (System.Text.Ascii.EqualsIgnoreCase(name, "Connection"u8))
            {
                close = System.Text.Ascii.EqualsIgnoreCase(value, "close"u8);
            }
        }

        start = headerEnd + 4;
        long bytes;
        if (chunked)
        {
            bytes = await ReadChunksAsync(sink);
        }
        else if (contentLength >= 0)
        {
            await SkipAsync(contentLength, sink);
            bytes = contentLength;
        }
        else if (status is 204 or 304 || status < 200)
        {
            bytes = 0;
        }
        else
        {
            bytes = await ReadToCloseAsync(sink);
            close = true;
        }

        if (close)
        {
            Close();
        }

        return new LoadResponse(status, bytes);
    }

    private async ValueTask<long> ReadChunksAsync(Stream? sink)
    {
        long total = 0;
        while (true)
        {
            var lineEnd = await ReadLineEndAsync(doubled: false);
            var line = buffer.AsSpan(start, lineEnd - start);
            var extension = line.IndexOf((byte)';');
            if (!Utf8Parser.TryParse(extension >= 0 ? line[..extension] : line, out long size, out _, 'X'))
            {
                throw new FormatException("bad chunk size");
            }

            start = lineEnd + 2;
            if (size == 0)
            {
                // Trailers, if any, end with an empty line.
                while (true)
                {
                    var trailerEnd = await ReadLineEndAsync(doubled: false);
                    var empty = trailerEnd == start;
                    start = trailerEnd + 2;
                    if (empty)
                    {
                        return total;
                    }
                }
            }

            await SkipAsync(size, sink);
            total += size;
            var crlf = await ReadLineEndAsync(doubled: false);
            if (crlf != start)
            {
                throw new FormatException("chunk longer than its size");
            }

            start = crlf + 2;
        }
    }

    /// <summary>Consumes <paramref name="count"/> body bytes, the buffered ones first.</summary>
    private async ValueTask SkipAsync(long count, Stream? sink)
    {
        while (count > 0)
        {
            if (start == end)
            {
                start = end = 0;
                end = await ReceiveAsync(0);
            }

            var take = (int)Math.Min(count, end - start);
            sink?.Write(buffer, start, take);
            start += take;
            count -= take;
        }
    }

    private async ValueTask<long> ReadToCloseAsync(Stream? sink)
    {
        long total = end - start;
        sink?.Write(buffer, start, end - start);
        while (true)
        {
            start = end = 0;
            var read = await socket!.ReceiveAsync(buffer.AsMemory(), SocketFlags.None);
            if (read == 0)
            {
                return total;
            }

            sink?.Write(buffer, 0, read);
            total += read;
        }
    }

    /// <summary>
    /// Reads until the buffer from <see cref="start"/> holds a CRLF (or CRLFCRLF when
    /// <paramref name="doubled"/>) and returns its position.
    /// </summary>
    private async ValueTask<int> ReadLineEndAsync(bool doubled)
    {
        var searched = start;
        while (true)
        {
            var span = buffer.AsSpan(searched, end - searched);
            var found = doubled ? span.IndexOf("\r\n\r\n"u8) : span.IndexOf("\r\n"u8);
            if (found >= 0)
            {
                return searched + found;
            }

            // Look again from a little before the end, in case the marker straddles two reads.
            searched = Math.Max(start, end - 3);
            if (start > 0)
            {
                Array.Copy(buffer, start, buffer, 0, end - start);
                searched -= start;
                end -= start;
                start = 0;
            }

            if (end == buffer.Length)
            {
                Array.Resize(ref buffer, buffer.Length * 2);
            }

            end = await ReceiveAsync(end);
        }
    }

    /// <summary>Receives into the buffer at <paramref name="offset"/>; returns the new end. The peer closing is an error here.</summary>
    private async ValueTask<int> ReceiveAsync(int offset)
    {
        var read = await socket!.ReceiveAsync(buffer.AsMemory(offset), SocketFlags.None);
        if (read == 0)
        {
            throw new IOException("the server closed the connection mid-response");
        }

        return offset + read;
    }

    private void Close()
    {
        socket?.Dispose();
        socket = null;
        start = end = 0;
    }

    public void Dispose() => Close();
}
