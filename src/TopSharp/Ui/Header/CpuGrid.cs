namespace TopSharp.Ui.Header;

/// <summary>
/// How the per-CPU bars fold into columns, as htop does: 2 columns up to 8 CPUs, 4 up to 32, 8 up to 128,
/// then 16; halved while a column would be narrower than <see cref="MinColumnWidth"/>. CPUs run down each
/// column (cpu0..3 in the first of two columns for 8 CPUs).
/// </summary>
public readonly record struct CpuGrid(int Columns, int Rows)
{
    public const int MinColumnWidth = 16;

    public static CpuGrid For(int cpuCount, int width)
    {
        if (cpuCount <= 0) return new CpuGrid(1, 0);
        int columns = cpuCount switch { <= 1 => 1, <= 8 => 2, <= 32 => 4, <= 128 => 8, _ => 16 };
        while (columns > 1 && width / columns < MinColumnWidth) columns /= 2;
        return new CpuGrid(columns, (cpuCount + columns - 1) / columns);
    }

    /// <summary>The column and row of the <paramref name="index"/>-th CPU.</summary>
    public (int Column, int Row) Place(int index) => (index / Rows, index % Rows);
}
