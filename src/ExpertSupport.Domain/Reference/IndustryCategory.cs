namespace ExpertSupport.Domain.Reference;

/// <summary>The industry groups of 中小企業基本法 第2条, which set the SME thresholds.</summary>
public enum IndustryCategory
{
    /// <summary>製造業・建設業・運輸業その他</summary>
    ManufacturingAndOthers = 0,
    /// <summary>卸売業</summary>
    Wholesale = 1,
    /// <summary>サービス業</summary>
    Services = 2,
    /// <summary>小売業</summary>
    Retail = 3,
}
