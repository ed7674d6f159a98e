using System.Text;
using System.Text.Json.Nodes;

namespace PrivacyAssistant.Testing.Cards;

/// <summary>
/// A card's structure as a string, to compare the card built from hostile input with the one built
/// from benign input: every key, every array's length, and the values of the named keys (element and
/// action types, verbs, ids…); all other values are left out, so only the structure can differ.
/// </summary>
public static class CardShape
{
    public static string Of(JsonNode? node, params string[] keptValues)
    {
        var builder = new StringBuilder();
        Write(node);
        return builder.ToString();

        void Write(JsonNode? current)
        {
            switch (current)
            {
                case JsonObject obj:
                    builder.Append('{');
                    foreach (var (key, value) in obj)
                    {
                        builder.Append(key).Append(':');
                        if (keptValues.Contains(key))
                        {
                            builder.Append(value?.ToJsonString());
                        }
                        else
                        {
                            Write(value);
                        }

                        builder.Append(',');
                    }

                    builder.Append('}');
                    break;
                case JsonArray array:
                    builder.Append('[').Append(array.Count).Append(':');
                    foreach (var item in array)
                    {
                        Write(item);
                    }

                    builder.Append(']');
                    break;
                default:
                    builder.Append(current is null ? "null" : "v");
                    break;
            }
        }
    }
}
