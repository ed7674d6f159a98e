using System.Text.Json.Nodes;

namespace PrivacyAssistant.Testing.Activities;

/// <summary>
/// Teams-shaped activities as JSON, as the channel sends them: channel <c>msteams</c>, a personal
/// conversation, a <c>29:</c> user with an <c>aadObjectId</c>, a <c>28:</c> bot, the tenant in
/// <c>channelData</c>. Adjust fields directly on the returned object for other cases.
/// </summary>
public static class TestActivities
{
    /// <summary>Tenant id.</summary>
    public const string TenantId = "7a1b2c3d-0000-4000-8000-00000000a11e";

    /// <summary>The user's Teams id.</summary>
    public const string UserId = "29:1test-user";

    /// <summary>The user's Entra object id.</summary>
    public const string UserAadObjectId = "0b1c2d3e-0000-4000-8000-0000000000aa";

    /// <summary>The bot's Teams id.</summary>
    public const string BotId = "28:test-bot";

    /// <summary>The personal conversation's id.</summary>
    public const string ConversationId = "a:1test-personal-chat";

    /// <summary>A text message from the user.</summary>
    public static JsonObject Message(string? text, string? serviceUrl, string? locale = "nl-NL")
    {
        var activity = Base("message", serviceUrl, locale);
        activity["text"] = text;
        activity["textFormat"] = "plain";
        return activity;
    }

    /// <summary>A conversationUpdate adding <paramref name="memberIds"/> (use <see cref="BotId"/> for the bot).</summary>
    public static JsonObject MembersAdded(string? serviceUrl, params string[] memberIds)
    {
        var activity = Base("conversationUpdate", serviceUrl, locale: null);
        activity["membersAdded"] = new JsonArray(memberIds.Select(id => (JsonNode?)new JsonObject { ["id"] = id }).ToArray());
        return activity;
    }

    /// <summary>An Action.Submit: a message without text whose value is the action data merged with the inputs.</summary>
    public static JsonObject Submit(JsonObject value, string? replyToId, string? serviceUrl, string? locale = "nl-NL")
    {
        var activity = Base("message", serviceUrl, locale);
        activity["value"] = value;
        activity["replyToId"] = replyToId;
        return activity;
    }

    /// <summary>An Action.Execute: an <c>adaptiveCard/action</c> invoke.</summary>
    public static JsonObject Execute(string verb, JsonObject? data, string? replyToId, string? serviceUrl, string? locale = "nl-NL")
    {
        var value = new JsonObject
        {
            ["action"] = new JsonObject { ["type"] = "Action.Execute", ["id"] = "action-1", ["verb"] = verb, ["data"] = data ?? [] },
            ["trigger"] = "manual",
        };
        var activity = Invoke("adaptiveCard/action", value, serviceUrl, locale);
        activity["replyToId"] = replyToId;
        return activity;
    }

    /// <summary>An invoke named <paramref name="name"/>.</summary>
    public static JsonObject Invoke(string name, JsonNode? value, string? serviceUrl, string? locale = "nl-NL")
    {
        var activity = Base("invoke", serviceUrl, locale);
        activity["name"] = name;
        activity["value"] = value;
        return activity;
    }

    /// <summary>Sets <c>deliveryMode: expectReplies</c> and returns the activity.</summary>
    public static JsonObject ExpectingReplies(this JsonObject activity)
    {
        activity["deliveryMode"] = "expectReplies";
        return activity;
    }

    private static JsonObject Base(string type, string? serviceUrl, string? locale)
    {
        var activity = new JsonObject
        {
            ["type"] = type,
            ["id"] = "activity-" + Guid.NewGuid().ToString("N")[..12],
            ["timestamp"] = DateTimeOffset.UtcNow.ToString("O"),
            ["channelId"] = "msteams",
            ["serviceUrl"] = serviceUrl,
            ["from"] = new JsonObject { ["id"] = UserId, ["aadObjectId"] = UserAadObjectId },
            ["recipient"] = new JsonObject { ["id"] = BotId, ["name"] = "Privacy Assistant" },
            ["conversation"] = new JsonObject { ["id"] = ConversationId, ["conversationType"] = "personal", ["tenantId"] = TenantId },
            ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = TenantId } },
        };
        if (locale is not null)
        {
            activity["locale"] = locale;
        }

        if (serviceUrl is null)
        {
            activity.Remove("serviceUrl");
        }

        return activity;
    }
}
