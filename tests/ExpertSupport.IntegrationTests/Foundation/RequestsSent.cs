using System.Reflection;
using System.Reflection.Emit;
using System.Runtime.CompilerServices;

namespace ExpertSupport.IntegrationTests.Foundation;

/// <summary>
/// The use-case requests a piece of web code creates, read from its IL: the method itself, the lambdas and async state
/// machines the compiler made of it, and every method of the same assembly it calls, to the end. Endpoints and pages
/// only bind, send and render, so what they create with <c>new</c> is what they send.
/// </summary>
internal static class RequestsSent
{
    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    public static IReadOnlySet<Type> ByMethod(MethodBase method)
    {
        var found = new HashSet<Type>();
        Walk(method, method.Module.Assembly, found, []);
        return found;
    }

    /// <summary>Everything a page model can do: its handlers, their helpers and the compiler's types nested in it.</summary>
    public static IReadOnlySet<Type> ByType(Type type)
    {
        var found = new HashSet<Type>();
        var visited = new HashSet<MethodBase>();
        foreach (var method in MethodsOf(type)) Walk(method, type.Assembly, found, visited);
        return found;
    }

    private static IEnumerable<MethodBase> MethodsOf(Type type)
    {
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        foreach (var m in type.GetMethods(all)) yield return m;
        foreach (var c in type.GetConstructors(all)) yield return c;
        foreach (var nested in type.GetNestedTypes(BindingFlags.Public | BindingFlags.NonPublic))
            foreach (var m in MethodsOf(nested)) yield return m;
    }

    private static void Walk(MethodBase method, Assembly home, HashSet<Type> found, HashSet<MethodBase> visited)
    {
        if (!visited.Add(method)) return;
        // An async method's body lives in its state machine's MoveNext.
        if (method.GetCustomAttribute<StateMachineAttribute>() is { } machine
            && machine.StateMachineType.GetMethod("MoveNext", BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public) is { } moveNext)
            Walk(moveNext, home, found, visited);
        var il = method.GetMethodBody()?.GetILAsByteArray();
        if (il is null) return;
        var typeArgs = method.DeclaringType is { IsGenericType: true } d ? d.GetGenericArguments() : null;
        var methodArgs = method is MethodInfo { IsGenericMethod: true } g ? g.GetGenericArguments() : null;
        for (var i = 0; i < il.Length;)
        {
            var value = il[i] == 0xFE ? (short)(0xFE00 | il[i + 1]) : il[i];
            i += il[i] == 0xFE ? 2 : 1;
            var op = OpCodesByValue[value];
            if (op.OperandType == OperandType.InlineMethod)
            {
                var target = Resolve(method.Module, BitConverter.ToInt32(il, i), typeArgs, methodArgs);
                if (target is ConstructorInfo { DeclaringType: { } created } && IsRequest(created)) found.Add(created);
                if (target is not null && target.Module.Assembly == home) Walk(target, home, found, visited);
            }
            i += OperandSize(op, il, i);
        }
    }

    private static bool IsRequest(Type type) =>
        typeof(Mediator.IMessage).IsAssignableFrom(type) || typeof(Mediator.IStreamMessage).IsAssignableFrom(type);

    private static MethodBase? Resolve(Module module, int token, Type[]? typeArgs, Type[]? methodArgs)
    {
        try
        {
            return module.ResolveMethod(token, typeArgs, methodArgs);
        }
        catch (ArgumentException)
        {
            return null; // a generic method instantiated over a type parameter: nothing of ours
        }
    }

    private static int OperandSize(OpCode op, byte[] il, int at) => op.OperandType switch
    {
        OperandType.InlineNone => 0,
        OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
        OperandType.InlineVar => 2,
        OperandType.InlineI8 or OperandType.InlineR => 8,
        OperandType.InlineSwitch => 4 + (4 * BitConverter.ToInt32(il, at)),
        _ => 4,
    };
}
