namespace TopSharp.Core.Numa;

/// <summary>
/// One node's persistent huge page pool of one page size (Documentation/admin-guide/mm/hugetlbpage.rst,
/// "per node huge page attributes"): counts of pages of <see cref="PageSizeBytes"/>.
/// </summary>
/// <param name="Total">nr_hugepages: pages in the pool on this node.</param>
/// <param name="Free">free_hugepages: of those, not yet allocated.</param>
/// <param name="Surplus">surplus_hugepages: pages allocated beyond the pool (overcommit).</param>
public readonly record struct HugePagePool(ulong PageSizeBytes, ulong Total, ulong Free, ulong Surplus);
