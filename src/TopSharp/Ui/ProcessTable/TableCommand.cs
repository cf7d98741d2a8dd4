namespace TopSharp.Ui.ProcessTable;

/// <summary>What a key does in the process table; the key map binds keys to these.</summary>
public enum TableCommand
{
    Up, Down, PageUp, PageDown, Home, End, ScrollLeft, ScrollRight,
    Setup, Search, Filter, SortMenu, SortPrevious, SortNext, SortByCpu, SortByMemory, SortByTime, InvertSort,
    Tree, Expand, Collapse, Threads, UserFilter, Follow,
    Tag, TagTree, UntagAll, Kill, NiceDown, NiceUp, ShowCgroup, Affinity, MoveToCgroup, ListMode,
}
