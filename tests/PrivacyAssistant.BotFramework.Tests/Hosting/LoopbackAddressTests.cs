using System.Net;
using PrivacyAssistant.BotFramework.Hosting;

namespace PrivacyAssistant.BotFramework.Tests.Hosting;

public sealed class LoopbackAddressTests
{
    [Theory]
    [InlineData("http://127.0.0.1:3978", true)]
    [InlineData("http://127.0.0.1:0", true)]
    [InlineData("http://127.1.2.3:80/", true)]
    [InlineData("http://localhost:3978", true)]
    [InlineData("https://LOCALHOST", true)]
    [InlineData("http://[::1]:3978", true)]
    [InlineData("http://[::ffff:127.0.0.1]:3978", true)]
    [InlineData("http://0.0.0.0:3978", false)]
    [InlineData("http://*:3978", false)]
    [InlineData("http://+:3978", false)]
    [InlineData("http://[::]:3978", false)]
    [InlineData("http://192.168.1.10:3978", false)]
    [InlineData("http://bot.school.nl:3978", false)]
    [InlineData("127.0.0.1:3978", false)]
    public void IsLoopbackUrl_OnlyAcceptsLoopbackHosts(string url, bool loopback) =>
        Assert.Equal(loopback, LoopbackAddress.IsLoopbackUrl(url));

    [Fact]
    public void IsLoopback_HandlesMappedAddresses()
    {
        Assert.True(LoopbackAddress.IsLoopback(IPAddress.Loopback.MapToIPv6()));
        Assert.False(LoopbackAddress.IsLoopback(IPAddress.Parse("10.0.0.1").MapToIPv6()));
    }
}
