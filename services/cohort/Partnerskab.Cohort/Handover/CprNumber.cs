using NodaTime;

namespace Partnerskab.Cohort.Handover;

/// <summary>
/// A Danish CPR number, DDMMYY-SSSS. Only its format and date part are checked: since 2007
/// numbers no longer need to pass the modulus-11 check. The century comes from the 7th digit.
/// The value never leaves this service except as a keyed pseudonym.
/// </summary>
public readonly record struct CprNumber
{
    private CprNumber(string digits, LocalDate birthDate)
    {
        Digits = digits;
        BirthDate = birthDate;
    }

    /// <summary>The ten digits without a dash.</summary>
    public string Digits { get; }

    public LocalDate BirthDate { get; }

    public override string ToString() => "CPR(redacted)";

    public static bool TryParse(string? text, out CprNumber cpr, out string error)
    {
        cpr = default;
        var digits = (text ?? "").Trim();
        if (digits.Length == 11 && digits[6] == '-') digits = digits.Remove(6, 1);
        if (digits.Length != 10 || !digits.All(char.IsAsciiDigit))
        {
            error = "must be 10 digits, as DDMMYY-SSSS or DDMMYYSSSS";
            return false;
        }

        var day = int.Parse(digits[..2]);
        var month = int.Parse(digits[2..4]);
        var year = Century(yy: int.Parse(digits[4..6]), seventhDigit: digits[6] - '0') + int.Parse(digits[4..6]);
        if (month is < 1 or > 12 || day < 1 || day > CalendarSystem.Iso.GetDaysInMonth(year, month))
        {
            error = "does not start with a valid birth date (DDMMYY)";
            return false;
        }
        cpr = new CprNumber(digits, new LocalDate(year, month, day));
        error = "";
        return true;
    }

    private static int Century(int yy, int seventhDigit) => seventhDigit switch
    {
        <= 3 => 1900,
        4 or 9 => yy <= 36 ? 2000 : 1900,
        _ => yy <= 57 ? 2000 : 1800,
    };
}
