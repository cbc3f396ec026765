using System.Text.Json;
using System.Text.Json.Serialization;

namespace Partnerskab.Contracts;

/// <summary>
/// A citizen as every service knows one: the cohort service's keyed pseudonym of the CPR number,
/// 32 lowercase hex characters. On the wire (events, the outbox) it is that text.
/// </summary>
[JsonConverter(typeof(PseudonymJsonConverter))]
public readonly record struct Pseudonym
{
    public const int Length = 32;

    public Pseudonym(string value) =>
        Value = IsWellFormed(value) ? value : throw new FormatException($"'{value}' is not a citizen pseudonym ({Length} lowercase hex characters)");

    public string Value { get; }

    public static bool IsWellFormed(string? text) => text is { Length: Length } && text.All(char.IsAsciiHexDigitLower);

    public override string ToString() => Value;

    public static implicit operator string(Pseudonym pseudonym) => pseudonym.Value;

    private sealed class PseudonymJsonConverter : JsonConverter<Pseudonym>
    {
        public override Pseudonym Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            try
            {
                return new Pseudonym(reader.GetString()!);
            }
            catch (FormatException e)
            {
                throw new JsonException(e.Message, e);
            }
        }

        public override void Write(Utf8JsonWriter writer, Pseudonym value, JsonSerializerOptions options) => writer.WriteStringValue(value.Value);
    }
}
