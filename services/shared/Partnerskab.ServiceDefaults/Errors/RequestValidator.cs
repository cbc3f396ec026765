using Google.Rpc;
using NodaTime;

namespace Partnerskab.ServiceDefaults.Errors;

/// <summary>
/// Collects every field violation of a request so the caller learns all that is wrong at once.
/// Handlers validate fully before they write anything.
/// </summary>
public sealed class RequestValidator
{
    public const int DefaultMaxTextLength = 200;

    private readonly List<BadRequest.Types.FieldViolation> violations = [];

    public bool IsValid => violations.Count == 0;

    public IReadOnlyList<BadRequest.Types.FieldViolation> Violations => violations;

    public void Add(string field, string description) =>
        violations.Add(new BadRequest.Types.FieldViolation { Field = field, Description = description });

    public void Check(bool condition, string field, string description)
    {
        if (!condition) Add(field, description);
    }

    /// <summary>A required, trimmed text of bounded length.</summary>
    public string Text(string? value, string field, int maxLength = DefaultMaxTextLength)
    {
        var text = OptionalText(value, field, maxLength);
        if (text.Length == 0) Add(field, "is required");
        return text;
    }

    public string OptionalText(string? value, string field, int maxLength = DefaultMaxTextLength)
    {
        var text = (value ?? "").Trim();
        if (text.Length > maxLength)
        {
            Add(field, $"must be at most {maxLength} characters");
        }
        else if (text.Any(char.IsControl))
        {
            Add(field, "must not contain control characters");
        }
        return text;
    }

    /// <summary>A required id in the suite's UUID form.</summary>
    public Guid Id(string? value, string field)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(field, "is required");
            return Guid.Empty;
        }
        if (!Guid.TryParseExact(value.Trim(), "D", out var id) || id == Guid.Empty)
        {
            Add(field, "must be a UUID such as 0b8f3f0e-6d2a-4c1e-9a57-2f1d3c4b5a69");
            return Guid.Empty;
        }
        return id;
    }

    /// <summary>A required calendar date; default(LocalDate), never a valid date here, when it is missing or invalid.</summary>
    public LocalDate Date(Google.Type.Date? date, string field)
    {
        if (date is null)
        {
            Add(field, "is required");
            return default;
        }
        if (!ProtoDates.TryToLocalDate(date, out var value))
        {
            Add(field, $"{date.Year:D4}-{date.Month:D2}-{date.Day:D2} is not a calendar date between 1900-01-01 and 2199-12-31");
            return default;
        }
        return value;
    }

    /// <summary>A required enum value: set, and one the API defines.</summary>
    public TEnum Enum<TEnum>(TEnum value, string field) where TEnum : struct, System.Enum
    {
        if (!System.Enum.IsDefined(value))
        {
            Add(field, $"{Convert.ToInt32(value)} is not a known value");
        }
        else if (Convert.ToInt32(value) == 0)
        {
            Add(field, "is required");
        }
        return value;
    }

    public void Digits(string? value, string field, int length)
    {
        if (value is null || value.Length != length || !value.All(char.IsAsciiDigit))
        {
            Add(field, $"must be {length} digits");
        }
    }

    public void ThrowIfInvalid()
    {
        if (!IsValid) throw new InvalidRequestException(violations);
    }
}
