using Microsoft.AspNetCore.Identity;

namespace ExpertSupport.Application.Accounts;

/// <summary>Identity's messages in plain Japanese: people who are not IT specialists read them.</summary>
public sealed class JapaneseIdentityErrorDescriber : IdentityErrorDescriber
{
    public override IdentityError DuplicateEmail(string email) => new() { Code = nameof(DuplicateEmail), Description = $"メールアドレス {email} はすでに登録されています。" };
    public override IdentityError DuplicateUserName(string userName) => new() { Code = nameof(DuplicateUserName), Description = $"メールアドレス {userName} はすでに登録されています。" };
    public override IdentityError InvalidEmail(string? email) => new() { Code = nameof(InvalidEmail), Description = "メールアドレスの形式が正しくありません。" };
    public override IdentityError InvalidUserName(string? userName) => new() { Code = nameof(InvalidUserName), Description = "メールアドレスの形式が正しくありません。" };
    public override IdentityError PasswordTooShort(int length) => new() { Code = nameof(PasswordTooShort), Description = $"パスワードは{length}文字以上にしてください。" };
    public override IdentityError PasswordRequiresDigit() => new() { Code = nameof(PasswordRequiresDigit), Description = "パスワードには数字を1文字以上含めてください。" };
    public override IdentityError PasswordRequiresLower() => new() { Code = nameof(PasswordRequiresLower), Description = "パスワードには英小文字を1文字以上含めてください。" };
    public override IdentityError PasswordRequiresUpper() => new() { Code = nameof(PasswordRequiresUpper), Description = "パスワードには英大文字を1文字以上含めてください。" };
    public override IdentityError PasswordRequiresNonAlphanumeric() => new() { Code = nameof(PasswordRequiresNonAlphanumeric), Description = "パスワードには記号を1文字以上含めてください。" };
    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => new() { Code = nameof(PasswordRequiresUniqueChars), Description = $"パスワードには{uniqueChars}種類以上の文字を使ってください。" };
    public override IdentityError InvalidToken() => new() { Code = nameof(InvalidToken), Description = "リンクの有効期限が切れているか、すでに使われています。もう一度お手続きください。" };
    public override IdentityError PasswordMismatch() => new() { Code = nameof(PasswordMismatch), Description = "パスワードが正しくありません。" };
    public override IdentityError DefaultError() => new() { Code = nameof(DefaultError), Description = "処理できませんでした。時間をおいてもう一度お試しください。" };
}
