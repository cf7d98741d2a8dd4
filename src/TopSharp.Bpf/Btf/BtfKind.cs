namespace TopSharp.Bpf.Btf;

/// <summary>BTF_KIND_* (Documentation/bpf/btf.rst, "Type Encoding").</summary>
public enum BtfKind
{
    Unknown = 0, Int = 1, Ptr = 2, Array = 3, Struct = 4, Union = 5, Enum = 6, Fwd = 7, Typedef = 8,
    Volatile = 9, Const = 10, Restrict = 11, Func = 12, FuncProto = 13, Var = 14, Datasec = 15,
    Float = 16, DeclTag = 17, TypeTag = 18, Enum64 = 19,
}

/// <summary>
/// One BTF type. <see cref="SizeOrType"/> is a size for Int/Struct/Union/Enum/Datasec/Float and a type id
/// for the others. <see cref="Members"/> holds struct/union members (bit offsets), Datasec variables
/// (byte offsets) and function parameters; <see cref="Array"/> an array's element type and length.
/// </summary>
public sealed record BtfType(int Id, BtfKind Kind, string Name, uint SizeOrType, IReadOnlyList<BtfMember> Members, BtfArray? Array);

/// <summary>A member (Offset in bits; for Datasec the byte offset, Size its size), a Datasec variable or a parameter.</summary>
public readonly record struct BtfMember(string Name, int Type, uint Offset, uint Size = 0);

public readonly record struct BtfArray(int ElementType, int IndexType, uint Length);
