namespace Partnerskab.Imports.Csv;

/// <summary>One line's fields by column name, collecting a problem for every field that cannot be read.</summary>
public sealed class CsvRecord(IReadOnlyList<string> fields, IReadOnlyDictionary<string, int> columns)
{
    public List<string> Problems { get; } = [];

    /// <summary>The field, trimmed; empty when the line is short or the optional column is absent.</summary>
    public string this[string name] => columns[name] is var i && i >= 0 && i < fields.Count ? fields[i].Trim() : "";

    /// <summary>Sets the field's value when <paramref name="parse"/> reads it, else notes "name: 'text' is not expected".</summary>
    public void Read<T>(string name, Func<string, T?> parse, Action<T> set, string expected) where T : struct
    {
        var value = parse(this[name]);
        if (value is { } read) set(read);
        else NotRead(name, expected);
    }

    /// <summary>A field naming one of the keys, in any case.</summary>
    public void Read<T>(string name, IReadOnlyDictionary<string, T> names, Action<T> set) where T : struct =>
        Read(name, text => names.TryGetValue(text, out var value) ? value : null, set, $"one of {string.Join(", ", names.Keys)}");

    /// <summary>A date written as YYYY-MM-DD.</summary>
    public void ReadDate(string name, Action<Google.Type.Date> set)
    {
        if (CsvFile.Date(this[name]) is { } date) set(date);
        else NotRead(name, "a date as YYYY-MM-DD");
    }

    private void NotRead(string name, string expected) => Problems.Add($"{name}: '{this[name]}' is not {expected}");
}
