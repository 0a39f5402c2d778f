import Foundation
import SilkbridgeCore

/// The China–EU Digital Co-investment Fund, run by ChinaEU (whose owner is the demo user): five Chinese and
/// European contributors with pledges in EUR and CNY, and twelve projects at every stage of the pipeline, with
/// commitments in both currencies from 2019 to 2025 (so the ECB rates of many days apply), disbursements and
/// repayments. Loaded once, with the demo directory.
package struct DemoFund {
    package let accounts: any AccountRepository
    package let directory: DirectoryService
    package let funds: FundService

    package static let name = LocalizedText(english: "China–EU Digital Co-investment Fund", chinese: "中欧数字合作投资基金")

    /// A project of the demo and how far it goes: commitments `(contributor, amount, currency, day)`,
    /// disbursements and repayments `(commitment index, amount, day)`.
    package struct Project {
        package let title: (String, String)
        package let description: (String, String)
        package let sponsors: [String]
        package let area: String
        package let countries: [String]
        package let requested: (String, String)
        package let stage: ProjectStage
        package var rejection: String?
        package var commitments: [(String, String, String, String)] = []
        package var disbursements: [(Int, String, String)] = []
        package var repayments: [(Int, String, String)] = []
    }

    /// Loads the fund; the number of projects, 0 when the demo directory is not there.
    package func load(now: Date = Date()) async throws -> Int {
        guard let account = try await accounts.find(email: DemoDirectory.demoEmail)?.account,
            let chinaEU = try await directory.memberships(of: account).map(\.0)
                .first(where: { $0.name.english == "ChinaEU" })
        else { return 0 }
        let all = try await directory.list(OrganizationFilter(), page: try Paging(limit: Paging.maximumLimit)).items
        var byName: [String: UUID] = [:]
        for organization in all { byName[organization.name.english ?? ""] = organization.id }
        let fund = try await funds.create(
            NewFund(name: Self.name, reportingCurrency: "EUR", managerOrganizationId: chinaEU.id), by: account,
            now: now)
        var contributors: [String: UUID] = [:]
        for (name, amount, currency, day) in Self.pledges {
            guard let organization = byName[name] else { continue }
            let contributor = try await funds.addContributor(
                fund.id,
                NewContributor(
                    organizationId: organization, pledge: MoneyInput(amount: amount, currency: currency),
                    pledgedOn: day), by: account, now: now)
            // Each contributor's owner confirms, as the fund names nobody without its consent.
            if contributor.status == .invited, let owner = try await owner(of: organization) {
                _ = try await funds.answer(
                    invitation: contributor.id, of: fund.id, confirming: true, by: owner, now: now)
            }
            contributors[name] = contributor.id
        }
        for project in Self.projects {
            try await add(
                project, to: fund.id, organizations: byName, contributors: contributors, by: account, now: now)
        }
        return Self.projects.count
    }

    private func owner(of organizationId: UUID) async throws -> Account? {
        let members = try await directory.repository.members(of: organizationId)
        guard let id = members.first(where: { $0.role == .owner })?.accountId else { return nil }
        return try await accounts.find(id: id)
    }

    private func add(
        _ demo: Project, to fundId: UUID, organizations: [String: UUID], contributors: [String: UUID],
        by account: Account, now: Date
    ) async throws {
        let project = try await funds.addProject(
            fundId,
            NewProject(
                title: LocalizedText(english: demo.title.0, chinese: demo.title.1),
                description: LocalizedText(english: demo.description.0, chinese: demo.description.1),
                sponsorIds: demo.sponsors.compactMap { organizations[$0] }, area: demo.area, countries: demo.countries,
                requested: MoneyInput(amount: demo.requested.0, currency: demo.requested.1)), by: account, now: now)
        if demo.stage == .rejected {
            _ = try await funds.changeStage(
                fundId, project: project.id, to: .screening, by: account, now: now)
            _ = try await funds.changeStage(
                fundId, project: project.id, to: .rejected, reason: demo.rejection, by: account, now: now)
            return
        }
        for stage in [ProjectStage.screening, .dueDiligence, .approved] where stage <= demo.stage {
            _ = try await funds.changeStage(fundId, project: project.id, to: stage, by: account, now: now)
        }
        var commitments: [UUID] = []
        for (name, amount, currency, day) in demo.commitments {
            guard let contributor = contributors[name] else { continue }
            let commitment = try await funds.commit(
                fundId,
                NewCommitment(
                    projectId: project.id, contributorId: contributor,
                    amount: MoneyInput(amount: amount, currency: currency), day: day,
                    conditions: "Subject to the co-investment agreement."), by: account, now: now)
            commitments.append(commitment.id)
        }
        for (kind, flows) in [(CashFlowKind.disbursement, demo.disbursements), (.repayment, demo.repayments)] {
            for (index, amount, day) in flows where index < commitments.count {
                let currency = demo.commitments[index].2
                _ = try await funds.record(
                    fundId,
                    NewCashFlow(
                        commitmentId: commitments[index], kind: kind,
                        amount: MoneyInput(amount: amount, currency: currency), day: day,
                        note: kind == .repayment ? "Repaid principal and return" : ""), by: account, now: now)
            }
        }
        if demo.stage == .completed {
            _ = try await funds.changeStage(fundId, project: project.id, to: .completed, by: account, now: now)
        }
    }

    package static let pledges = [
        ("China Internet Development Foundation", "800000000.00", "CNY", "2019-03-15"),
        ("Lux Meridian Digital Fund", "60000000.00", "EUR", "2019-03-15"),
        ("Sofia Tech Seed Fund", "15000000.00", "EUR", "2020-06-01"),
        ("Xiong'an Digital City Industry Fund", "300000000.00", "CNY", "2020-06-01"),
        ("Jinji Lake Digital Ventures", "150000000.00", "CNY", "2021-09-01"),
    ]

    package static let projects: [Project] = [
        Project(
            title: ("Smart heating for Harbin districts", "哈尔滨城区智慧供热"),
            description: (
                "Sensors and demand forecasting for district heating, with Danish analytics.",
                "区域供热传感器与需求预测，采用丹麦数据分析技术。"
            ),
            sponsors: ["Bingcheng Smart Heating", "Nordvarme Analytics ApS"], area: "smart-energy",
            countries: ["CN"], requested: ("90000000.00", "CNY"), stage: .completed,
            commitments: [
                ("China Internet Development Foundation", "60000000.00", "CNY", "2019-05-20"),
                ("Lux Meridian Digital Fund", "3500000.00", "EUR", "2019-06-03"),
            ],
            disbursements: [(0, "60000000.00", "2019-09-02"), (1, "3500000.00", "2020-01-15")],
            repayments: [(0, "64800000.00", "2023-06-30"), (1, "3780000.00", "2023-07-03")]),
        Project(
            title: ("Cross-border instant payments Vilnius–Hangzhou", "维尔纽斯—杭州跨境即时支付"),
            description: ("A payment gateway for small online sellers.", "面向小型网店的跨境支付网关。"),
            sponsors: ["Lituanica Payments UAB"], area: "e-commerce", countries: ["LT"],
            requested: ("4000000.00", "EUR"), stage: .completed,
            commitments: [
                ("Xiong'an Digital City Industry Fund", "20000000.00", "CNY", "2020-07-14"),
                ("Sofia Tech Seed Fund", "1200000.00", "EUR", "2020-07-15"),
            ],
            disbursements: [(0, "20000000.00", "2020-10-01"), (1, "1200000.00", "2020-10-05")],
            repayments: [(1, "1290000.00", "2024-03-29")]),
        Project(
            title: ("Grid storage Ningde–Warsaw", "宁德—华沙电网储能"),
            description: (
                "Battery storage for the Mazovian grid, built with Chinese cells.", "采用中国电芯为马佐夫舍电网建设储能系统。"
            ),
            sponsors: ["Ningde Haixin Energy Storage", "Mazowiecka Sieć Energetyczna S.A."], area: "smart-energy",
            countries: ["PL"], requested: ("12000000.00", "EUR"), stage: .disbursing,
            commitments: [
                ("China Internet Development Foundation", "45000000.00", "CNY", "2021-04-12"),
                ("Lux Meridian Digital Fund", "5000000.00", "EUR", "2021-04-19"),
            ],
            disbursements: [
                (0, "20000000.00", "2021-10-04"), (1, "2500000.00", "2022-02-01"), (0, "15000000.00", "2022-09-15"),
            ]),
        Project(
            title: ("Lisbon–Shenzhen start-up bridge", "里斯本—深圳初创企业桥梁"),
            description: ("Soft landing and seed funding for start-ups going both ways.", "为双向出海的初创企业提供落地服务与种子资金。"),
            sponsors: ["Lisboa Ponte Startup Hub", "Qianhai Hardware Accelerator"], area: "startups",
            countries: ["PT", "CN"], requested: ("3000000.00", "EUR"), stage: .disbursing,
            commitments: [
                ("Sofia Tech Seed Fund", "1000000.00", "EUR", "2022-03-01"),
                ("Xiong'an Digital City Industry Fund", "8000000.00", "CNY", "2022-03-08"),
            ],
            disbursements: [(0, "400000.00", "2022-06-01"), (1, "3000000.00", "2023-01-16")]),
        Project(
            title: ("Piraeus smart port digital twin", "比雷埃夫斯智慧港口数字孪生"),
            description: ("A digital twin of the container terminal.", "集装箱码头数字孪生系统。"),
            sponsors: ["Aegean Smart Ports S.A.", "Binhai Smart Port Technology"], area: "smart-cities",
            countries: ["GR"], requested: ("8000000.00", "EUR"), stage: .committed,
            commitments: [
                ("Jinji Lake Digital Ventures", "25000000.00", "CNY", "2023-05-22"),
                ("Lux Meridian Digital Fund", "2000000.00", "EUR", "2025-02-10"),
            ]),
        Project(
            title: ("Green computing in Zhongwei", "中卫绿色算力中心"),
            description: ("A solar-powered data centre with European cooling technology.", "采用欧洲冷却技术的太阳能数据中心。"),
            sponsors: ["Zhongwei Green Computing"], area: "cloud-computing", countries: ["CN"],
            requested: ("120000000.00", "CNY"), stage: .committed,
            commitments: [("Jinji Lake Digital Ventures", "40000000.00", "CNY", "2024-11-11")]),
        Project(
            title: ("Brno cloud region", "布尔诺云计算区域"),
            description: ("A sovereign cloud region for Central European SMEs.", "面向中欧中小企业的主权云区域。"),
            sponsors: ["Brno Cloud Works s.r.o."], area: "cloud-computing", countries: ["CZ"],
            requested: ("6000000.00", "EUR"), stage: .approved),
        Project(
            title: ("Industrial 5G test field Ruhr–Shenyang", "鲁尔—沈阳工业 5G 试验场"),
            description: ("Twin 5G test fields for factories.", "面向工厂的双城 5G 试验场。"),
            sponsors: ["Ruhr Industrial 5G Testfeld e.V.", "Hunnan Industrial 5G Alliance"], area: "5g",
            countries: ["DE", "CN"], requested: ("9000000.00", "EUR"), stage: .dueDiligence),
        Project(
            title: ("Ljubljana–Chengdu open data exchange", "卢布尔雅那—成都开放数据交换"),
            description: ("Shared open data standards for two smart cities.", "两座智慧城市共享开放数据标准。"),
            sponsors: ["Ljubljana Open Data Institute", "Chengdu Rongcheng Smart City Development"],
            area: "big-data", countries: ["SI", "CN"], requested: ("1500000.00", "EUR"), stage: .screening),
        Project(
            title: ("IoT security certification lab", "物联网安全认证实验室"),
            description: ("Mutual testing of connected devices.", "联网设备的互认检测。"),
            sponsors: ["Nordic Institute for Secure IoT", "Minan IoT Security Lab"], area: "cybersecurity",
            countries: ["SE"], requested: ("2500000.00", "EUR"), stage: .sourcing),
        Project(
            title: ("Yunnan tea traceability", "云南茶叶溯源"),
            description: ("Farm-to-cup traceability for tea exported to Europe.", "出口欧洲茶叶的全程溯源。"),
            sponsors: ["Yunling Tea Online"], area: "iot", countries: ["CN"], requested: ("10000000.00", "CNY"),
            stage: .sourcing),
        Project(
            title: ("Cosmetics flagship store", "化妆品旗舰店"),
            description: ("A cross-border online flagship store.", "跨境网上旗舰店。"),
            sponsors: ["Maison Lumière Cosmétiques SA"], area: "e-commerce", countries: ["FR"],
            requested: ("2000000.00", "EUR"), stage: .rejected,
            rejection: "A retail store is outside the fund's mandate of digital infrastructure."),
    ]
}
