using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using PrivacyAssistant.Breaches.Officers;
using PrivacyAssistant.Notifications;
using PrivacyAssistant.Testing.Graph;

namespace PrivacyAssistant.Breaches.Tests.Officers;

public sealed class ConfiguredOfficerDirectoryTests
{
    [Theory]
    [InlineData("officer-1", true)]
    [InlineData("OFFICER-1", true)]
    [InlineData("someone", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public async Task IsOfficer_ChecksTheConfiguredObjectIds(string? id, bool expected)
    {
        var directory = new ConfiguredOfficerDirectory(Options.Create(new BreachesOptions { Officers = ["officer-1"] }));

        Assert.Equal(expected, await directory.IsOfficerAsync(id));
    }

    [Fact]
    public async Task IsOfficer_WithAGroup_AsksGraphCheckMemberGroupsWithTheRealSdk()
    {
        await using var graph = await FakeGraphServer.StartAsync();
        graph.Memberships[("member-1", "group-1")] = true;
        var notifications = Options.Create(new NotificationsOptions { Mail = { GraphBaseUrl = graph.BaseUrl } });
        using var membership = new GraphGroupMembership(notifications, () => new FakeTokenCredential(), new FakeTimeProvider());
        var directory = new ConfiguredOfficerDirectory(Options.Create(new BreachesOptions { OfficerGroupId = "group-1" }), membership);

        Assert.True(await directory.IsOfficerAsync("member-1"));
        Assert.False(await directory.IsOfficerAsync("member-2"));
    }
}
