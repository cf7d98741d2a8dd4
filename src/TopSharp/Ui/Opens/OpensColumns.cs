using TopSharp.ViewModels.Opens;
using TopSharp.ViewModels.Processes;

namespace TopSharp.Ui.Opens;

/// <summary>
/// The opens view's columns, laid out by the process table's <see cref="ProcessTable.ColumnLayout"/>. A
/// <see cref="ColumnHeader"/>'s id only matters inside the process table, so these borrow the nearest one.
/// </summary>
internal static class OpensColumns
{
    public const int Result = 3;

    /// <summary>The list's columns; RESULT and FLAGS are as wide as their widest row, so the path keeps the room.</summary>
    public static IReadOnlyList<ColumnHeader> List(IReadOnlyList<OpenRow> rows)
    {
        int result = "RESULT".Length, flags = "FLAGS".Length;
        foreach (OpenRow r in rows)
        {
            result = Math.Max(result, r.Result.Length);
            flags = Math.Max(flags, r.Flags.Length);
        }
        return
        [
            Left(ColumnId.Time, "TIME", 12), Right(ColumnId.Pid, "PID", 7), Left(ColumnId.Command, "COMM", 15),
            Left(ColumnId.State, "RESULT", result), Left(ColumnId.Command, "FLAGS", flags), Left(ColumnId.Command, "PATH", 0),
        ];
    }

    public static IReadOnlyList<string> Cells(OpenRow r) =>
        [r.Time, r.Pid.ToString(System.Globalization.CultureInfo.InvariantCulture), r.Comm, r.Result, r.Flags, r.Path];

    public const int Failures = 1;

    /// <summary>The summary's columns, the sort one marked as the process table marks it.</summary>
    public static IReadOnlyList<ColumnHeader> Summary(SummarySort sort) =>
    [
        Right(ColumnId.Threads, "COUNT", 8, sort == SummarySort.Count), Right(ColumnId.Threads, "FAILED", 8, sort == SummarySort.Failures),
        Left(ColumnId.State, "LAST ERROR", 14), Left(ColumnId.Command, "PATH", 0, sort == SummarySort.Path),
    ];

    public static IReadOnlyList<string> Cells(PathRow r) =>
        [r.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), r.Failures.ToString(System.Globalization.CultureInfo.InvariantCulture), r.LastError, r.Path];

    private static ColumnHeader Left(ColumnId id, string title, int width, bool sorted = false) =>
        new(id, title, width, ColumnAlignment.Left, sorted, sorted && id != ColumnId.Command, sorted ? title + (id == ColumnId.Command ? "▲" : "▼") : title);

    private static ColumnHeader Right(ColumnId id, string title, int width, bool sorted = false) =>
        new(id, title, width, ColumnAlignment.Right, sorted, sorted, sorted ? title + "▼" : title);
}
