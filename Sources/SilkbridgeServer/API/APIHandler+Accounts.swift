import Foundation
import SilkbridgeAPI
import SilkbridgeCore

/// Sign-up, sessions and personal access tokens.
protocol AccountsAPI: FeatureAPI {
    var accounts: AccountService { get }
    var directory: DirectoryService { get }
}

extension AccountsAPI {
    func createAccount(_ input: Operations.CreateAccount.Input) async throws -> Operations.CreateAccount.Output {
        let body =
            switch input.body {
            case .json(let body): body
            }
        let account = try await accounts.signUp(
            SignUp(
                email: body.email, password: body.password, displayName: body.displayName,
                preferredLanguage: body.preferredLanguage.flatMap { Language(rawValue: $0.rawValue) }))
        return .created(.init(body: .json(try .init(account))))
    }

    func verifyEmail(_ input: Operations.VerifyEmail.Input) async throws -> Operations.VerifyEmail.Output {
        let body =
            switch input.body {
            case .json(let body): body
            }
        return .ok(.init(body: .json(try .init(try await accounts.verifyEmail(secret: body.token)))))
    }

    func requestPasswordReset(_ input: Operations.RequestPasswordReset.Input) async throws
        -> Operations.RequestPasswordReset.Output
    {
        let body =
            switch input.body {
            case .json(let body): body
            }
        try await accounts.requestPasswordReset(email: body.email)
        return .accepted(.init())
    }

    func confirmPasswordReset(_ input: Operations.ConfirmPasswordReset.Input) async throws
        -> Operations.ConfirmPasswordReset.Output
    {
        let body =
            switch input.body {
            case .json(let body): body
            }
        _ = try await accounts.resetPassword(secret: body.token, newPassword: body.password)
        return .noContent(.init())
    }

    func requestEmailChange(_ input: Operations.RequestEmailChange.Input) async throws
        -> Operations.RequestEmailChange.Output
    {
        let body =
            switch input.body {
            case .json(let body): body
            }
        try await accounts.requestEmailChange(
            of: try requireAccount(), to: body.email, password: body.password, client: context.clientAddress)
        return .accepted(.init())
    }

    func confirmEmailChange(_ input: Operations.ConfirmEmailChange.Input) async throws
        -> Operations.ConfirmEmailChange.Output
    {
        let body =
            switch input.body {
            case .json(let body): body
            }
        return .ok(.init(body: .json(try .init(try await accounts.changeEmail(secret: body.token)))))
    }

    func resendEmailVerification(_ input: Operations.ResendEmailVerification.Input) async throws
        -> Operations.ResendEmailVerification.Output
    {
        try await accounts.resendVerification(to: try requireAccount())
        return .accepted(.init())
    }

    func createSession(_ input: Operations.CreateSession.Input) async throws -> Operations.CreateSession.Output {
        let body =
            switch input.body {
            case .json(let body): body
            }
        let issued = try await accounts.logIn(
            email: body.email, password: body.password, kind: .session, client: context.clientAddress)
        return .created(.init(body: .json(.init(token: issued.secret, expiresAt: issued.token.expiresAt ?? Date()))))
    }

    func deleteCurrentSession(_ input: Operations.DeleteCurrentSession.Input) async throws
        -> Operations.DeleteCurrentSession.Output
    {
        guard let token = try context.identity?.token else { throw AccountError.notAuthenticated }
        try await accounts.logOut(token: token)
        return .noContent(.init())
    }

    func getMe(_ input: Operations.GetMe.Input) async throws -> Operations.GetMe.Output {
        let account = try requireAccount()
        let memberships = try await directory.memberships(of: account).map { organization, membership in
            Components.Schemas.Me.MembershipsPayloadPayload(
                organizationId: organization.id.uuidString.lowercased(), name: .init(organization.name),
                role: try .init(membership.role))
        }
        return .ok(.init(body: .json(.init(account: try .init(account), memberships: memberships))))
    }

    func listTokens(_ input: Operations.ListTokens.Input) async throws -> Operations.ListTokens.Output {
        let tokens = try await accounts.personalTokens(of: try requireAccount())
        return .ok(.init(body: .json(.init(items: tokens.map(Components.Schemas.Token.init)))))
    }

    func createToken(_ input: Operations.CreateToken.Input) async throws -> Operations.CreateToken.Output {
        let account = try requireAccount()
        let body =
            switch input.body {
            case .json(let body): body
            }
        let issued = try await accounts.createPersonalToken(for: account, name: body.name)
        return .created(
            .init(
                body: .json(
                    .init(
                        id: issued.token.id.uuidString.lowercased(), name: issued.token.name,
                        createdAt: issued.token.createdAt, token: issued.secret))))
    }

    func deleteToken(_ input: Operations.DeleteToken.Input) async throws -> Operations.DeleteToken.Output {
        let account = try requireAccount()
        try await accounts.revokePersonalToken(
            id: try id(input.path.tokenId, else: AccountError.tokenNotFound), of: account)
        return .noContent(.init())
    }
}
