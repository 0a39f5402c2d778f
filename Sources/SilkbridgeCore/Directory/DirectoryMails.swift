import Foundation

/// The mails about the directory's memberships.
enum DirectoryMails {
    /// An invitation to an address. Someone without an account has told the platform no language, so the mail
    /// speaks both, the inviter's first; someone with an account (not yet verified) gets their own.
    static func invitation(
        to email: String, known account: Account?, into organization: Organization, as role: Role,
        by inviter: Account, link: String, now: Date
    ) -> OutgoingMail {
        let days = Int(Membership.invitationLifetime / 86_400)
        let name = (organization.name.best(for: .english), organization.name.best(for: .simplifiedChinese))
        let subject = Message(
            "\(inviter.displayName) invites you to \(name.0) on Silkbridge",
            "\(inviter.displayName) 邀请您加入丝桥上的\(name.1)")
        let body = Message(
            """
            \(inviter.displayName) (\(inviter.email)) invites \(email) to join \(name.0) on Silkbridge, the platform \
            for China–EU digital cooperation, as \(role.label.english.lowercased()).

            To accept, sign up with this address and confirm it from the mail that follows:

            \(link)

            If you already have an account with this address, log in and confirm your address from your account \
            page. The invitation waits for \(days) days. If you do not know \(inviter.displayName), ignore this mail.
            """,
            """
            \(inviter.displayName)（\(inviter.email)）邀请 \(email) 以\(role.label.chinese)身份加入丝桥（中欧数字合作平台）上的\(name.1)。

            如接受邀请，请用此地址注册，并通过随后收到的邮件确认地址：

            \(link)

            如果您已用此地址注册，请登录并在账户页面确认地址。邀请的有效期为 \(days) 天。如果您不认识 \(inviter.displayName)，请忽略此邮件。
            """)
        let language = account?.preferredLanguage ?? inviter.preferredLanguage
        let other: Language = language == .english ? .simplifiedChinese : .english
        let text =
            account == nil
            ? body.text(in: language) + "\n\n---\n\n" + body.text(in: other) + "\n\nSilkbridge 丝桥"
            : body.text(in: language) + "\n\n" + (language == .english ? "Silkbridge" : "丝桥")
        return OutgoingMail(
            kind: .invitation, recipient: email, recipientName: account?.displayName, language: language,
            subject: account == nil
                ? subject.text(in: language) + " · " + subject.text(in: other) : subject.text(in: language),
            text: text, createdAt: now)
    }
}
