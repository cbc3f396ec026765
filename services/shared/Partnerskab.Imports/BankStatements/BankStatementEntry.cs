using Partnerskab.Protos.Payment.V1;

namespace Partnerskab.Imports.BankStatements;

/// <summary>
/// One credit of a bank statement: the line to record, or why it cannot be recorded. Number is
/// where it is in the file: the line of a CSV file, the entry (Ntry) of a camt.053 statement.
/// </summary>
public sealed record BankStatementEntry(int Number, BankStatementLine? StatementLine, IReadOnlyList<string> Problems);
