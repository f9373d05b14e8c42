using ExpertSupport.Domain.Common;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace ExpertSupport.Application.Data;

/// <summary>
/// Yen to and from its bigint column. In a LINQ query an aggregate or arithmetic goes through <c>(long)amount</c>,
/// which EF translates to the column itself.
/// </summary>
public sealed class YenConverter() : ValueConverter<Yen, long>(yen => yen.Value, value => new Yen(value));
