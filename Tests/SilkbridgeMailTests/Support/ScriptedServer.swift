import NIOCore
import NIOPosix

/// A listener on loopback that says `greeting` (if any) to each connection and never anything else.
struct ScriptedServer {
    let channel: any Channel

    var port: Int { channel.localAddress!.port! }

    static func start(greeting: String?) async throws -> ScriptedServer {
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .childChannelInitializer { child in
                child.eventLoop.makeCompletedFuture {
                    try child.pipeline.syncOperations.addHandler(Greeter(greeting: greeting))
                }
            }
            .bind(host: "127.0.0.1", port: 0)
            .get()
        return ScriptedServer(channel: channel)
    }

    /// A port that was just free: nothing listens there.
    static func closedPort() async throws -> Int {
        let server = try await start(greeting: nil)
        let port = server.port
        try await server.channel.close()
        return port
    }

    func stop() async {
        try? await channel.close()
    }

    private final class Greeter: ChannelInboundHandler {
        typealias InboundIn = ByteBuffer
        typealias OutboundOut = ByteBuffer
        let greeting: String?

        init(greeting: String?) {
            self.greeting = greeting
        }

        func channelActive(context: ChannelHandlerContext) {
            if let greeting {
                context.writeAndFlush(wrapOutboundOut(ByteBuffer(string: greeting)), promise: nil)
            }
            context.fireChannelActive()
        }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {}
    }
}
