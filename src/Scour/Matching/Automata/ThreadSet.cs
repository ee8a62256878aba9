namespace Scour.Matching.Automata;

/// <summary>
/// The states a <see cref="PikeVm"/> is in at one position, in priority order, each with its capture
/// slots: a sparse set, so inserting, testing and clearing are constant time whatever the NFA's size.
/// </summary>
internal sealed class ThreadSet
{
    private readonly int[] _dense;
    private readonly int[] _sparse;
    private readonly int _stride;
    private int[] _slots = [];

    public ThreadSet(int capacity, int slotsPerState)
    {
        _dense = new int[capacity];
        _sparse = new int[capacity];
        _stride = slotsPerState;
    }

    public int Count { get; private set; }

    /// <summary>The <paramref name="index"/>-th state inserted.</summary>
    public int this[int index] => _dense[index];

    /// <summary>Adds <paramref name="state"/>; false if it was already there (a thread of higher priority has it).</summary>
    public bool Insert(int state)
    {
        var i = _sparse[state];
        if ((uint)i < (uint)Count && _dense[i] == state)
        {
            return false;
        }

        _dense[Count] = state;
        _sparse[state] = Count;
        Count++;
        return true;
    }

    public void Clear() => Count = 0;

    /// <summary>The first <paramref name="count"/> capture slots of <paramref name="state"/>'s thread.</summary>
    public Span<int> SlotsOf(int state, int count)
    {
        if (count == 0)
        {
            return [];
        }

        if (_slots.Length == 0)
        {
            // Allocated on the first search that asks for positions: deciding lines needs none.
            _slots = new int[_dense.Length * _stride];
        }

        return _slots.AsSpan(state * _stride, count);
    }
}
