import Foundation

/// The mails about a person's own account, in the person's language.
enum AccountMails {
    static func mail(_ purpose: LinkPurpose, to account: Account, link: String, now: Date) -> OutgoingMail {
        switch purpose {
        case .verifyEmail:
            verification(of: account, link: link, validFor: Int(purpose.lifetime / 3600), now: now)
        case .resetPassword:
            passwordReset(of: account, link: link, validFor: Int(purpose.lifetime / 60), now: now)
        case .changeEmail:
            preconditionFailure("a change of address names the new address: use emailChange(of:to:link:now:)")
        }
    }

    /// The link that moves the account to `newEmail`, mailed there.
    static func emailChange(of account: Account, to newEmail: String, link: String, now: Date) -> OutgoingMail {
        let language = account.preferredLanguage
        let hours = Int(LinkPurpose.changeEmail.lifetime / 3600)
        let subject = Message("Confirm your new address for Silkbridge", "确认您在丝桥的新地址")
        let body = Message(
            """
            Hello \(account.displayName),

            You asked to move your Silkbridge account from \(account.email) to this address. To confirm, open this \
            link:

            \(link)

            The link works once and for \(hours) hours. Until then your account keeps its old address.

            Silkbridge
            """,
            """
            \(account.displayName)，您好：

            您请求将丝桥账户的地址从 \(account.email) 改为本地址。如需确认，请打开以下链接：

            \(link)

            该链接仅可使用一次，有效期 \(hours) 小时。确认之前，您的账户仍使用原地址。

            丝桥
            """)
        return OutgoingMail(
            kind: .emailChange, recipient: newEmail, recipientName: account.displayName, language: language,
            subject: subject.text(in: language), text: body.text(in: language), createdAt: now)
    }

    /// Tells the old address of a change asked for, so that its holder learns of it if it was not them.
    static func emailChangeNotice(of account: Account, to newEmail: String, now: Date) -> OutgoingMail {
        let language = account.preferredLanguage
        let subject = Message("Your Silkbridge address is being changed", "您的丝桥账户地址正在更改")
        let body = Message(
            """
            Hello \(account.displayName),

            Someone logged in to your Silkbridge account asked to move it from this address to \(newEmail). The \
            change happens once the link mailed to \(newEmail) is opened.

            If this was not you, set a new password now from the log-in page ("Forgot your password?"): that logs \
            out every session.

            Silkbridge
            """,
            """
            \(account.displayName)，您好：

            有人登录您的丝桥账户，请求将地址从本地址改为 \(newEmail)。发往 \(newEmail) 的链接被打开后，更改即生效。

            如果这不是您本人，请立即在登录页面（“忘记密码？”）设置新密码：这会退出所有会话。

            丝桥
            """)
        return OutgoingMail(
            kind: .emailChangeNotice, recipient: account.email, recipientName: account.displayName,
            language: language, subject: subject.text(in: language), text: body.text(in: language), createdAt: now)
    }

    private static func verification(of account: Account, link: String, validFor hours: Int, now: Date)
        -> OutgoingMail
    {
        let language = account.preferredLanguage
        let subject = Message("Confirm your email address for Silkbridge", "确认您在丝桥的电子邮箱地址")
        let body = Message(
            """
            Hello \(account.displayName),

            Please confirm that \(account.email) is your address by opening this link:

            \(link)

            The link works once and for \(hours) hours. Until you confirm, you can browse and draft, but not accept \
            invitations to an organisation.

            If you did not sign up for Silkbridge, ignore this mail: no account is confirmed without the link.

            Silkbridge
            """,
            """
            \(account.displayName)，您好：

            请打开以下链接，确认 \(account.email) 是您的电子邮箱地址：

            \(link)

            该链接仅可使用一次，有效期 \(hours) 小时。确认之前，您可以浏览和起草，但不能接受组织的邀请。

            如果您没有注册丝桥，请忽略此邮件：没有该链接，任何账户都无法确认。

            丝桥
            """)
        return OutgoingMail(
            kind: .emailVerification, recipient: account.email, recipientName: account.displayName,
            language: language, subject: subject.text(in: language), text: body.text(in: language), createdAt: now)
    }

    private static func passwordReset(of account: Account, link: String, validFor minutes: Int, now: Date)
        -> OutgoingMail
    {
        let language = account.preferredLanguage
        let subject = Message("Set a new password for Silkbridge", "为丝桥设置新密码")
        let body = Message(
            """
            Hello \(account.displayName),

            Someone asked to set a new password for the Silkbridge account of \(account.email). To choose one, open \
            this link:

            \(link)

            The link works once and for \(minutes) minutes. Setting a new password logs out every session of the \
            account.

            If you did not ask for this, ignore this mail: your password stays as it is.

            Silkbridge
            """,
            """
            \(account.displayName)，您好：

            有人请求为 \(account.email) 的丝桥账户设置新密码。如需设置，请打开以下链接：

            \(link)

            该链接仅可使用一次，有效期 \(minutes) 分钟。设置新密码后，该账户的所有会话都将退出登录。

            如果这不是您本人的请求，请忽略此邮件：您的密码不会改变。

            丝桥
            """)
        return OutgoingMail(
            kind: .passwordReset, recipient: account.email, recipientName: account.displayName, language: language,
            subject: subject.text(in: language), text: body.text(in: language), createdAt: now)
    }
}
