using DurableTask.Core;

namespace BatchFunctions.Tests.Infrastructure;

/// <summary>Hands DurableTask.Core a fresh task object per work item, built by a delegate.</summary>
internal sealed class DelegateObjectCreator<T> : ObjectCreator<T>
{
    private readonly Func<T> create;

    public DelegateObjectCreator(string name, Func<T> create)
    {
        Name = name;
        Version = "";
        this.create = create;
    }

    public override T Create() => create();
}
