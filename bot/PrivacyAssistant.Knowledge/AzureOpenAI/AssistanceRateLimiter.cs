using System.Security.Cryptography;
using System.Text;

namespace PrivacyAssistant.Knowledge.AzureOpenAI;

/// <summary>
/// Fixed-window limits on questions answered with Azure OpenAI: per user per minute and per day,
/// and for the whole school per minute. Over a limit the bot answers from the knowledge base alone.
/// Users are kept as SHA-256 hashes of their id, in memory only, for the current windows.
/// </summary>
public sealed class AssistanceRateLimiter(RateLimitOptions options, TimeProvider time)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, UserWindows> _users = new(StringComparer.Ordinal);
    private long _globalMinute = -1;
    private int _globalCount;

    public bool TryAcquire(string? userKey)
    {
        if (!options.Enabled)
        {
            return true;
        }

        var now = time.GetUtcNow();
        var minute = now.ToUnixTimeSeconds() / 60;
        var day = now.ToUnixTimeSeconds() / 86400;
        lock (_gate)
        {
            if (_globalMinute != minute)
            {
                _globalMinute = minute;
                _globalCount = 0;
                _users.Where(u => u.Value.Day != day).Select(u => u.Key).ToList().ForEach(k => _users.Remove(k));
            }

            if (_globalCount >= options.GlobalPerMinute)
            {
                return false;
            }

            UserWindows? user = null;
            if (!string.IsNullOrEmpty(userKey))
            {
                var key = Hash(userKey);
                if (!_users.TryGetValue(key, out user) || user.Day != day)
                {
                    user = new UserWindows { Day = day };
                    _users[key] = user;
                }

                if (user.Minute != minute)
                {
                    user.Minute = minute;
                    user.MinuteCount = 0;
                }

                if (user.MinuteCount >= options.PerUserPerMinute || user.DayCount >= options.PerUserPerDay)
                {
                    return false;
                }

                user.MinuteCount++;
                user.DayCount++;
            }

            _globalCount++;
            return true;
        }
    }

    private static string Hash(string userKey) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(userKey)));

    private sealed class UserWindows
    {
        public long Day { get; init; }

        public long Minute { get; set; } = -1;

        public int MinuteCount { get; set; }

        public int DayCount { get; set; }
    }
}
