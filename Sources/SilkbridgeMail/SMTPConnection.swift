import NIOCore
import NIOPosix
import NIOSSL

/// One connection to the server, driven from async code: each call sends a command on the event loop and awaits
/// the reply the handler pairs with it.
struct SMTPConnection: Sendable {
    private let channel: any Channel
    private let handler: NIOLoopBound<SMTPConnectionHandler>

    static func connect(
        host: String,
        port: Int,
        implicitTLS: NIOSSLContext?,
        serverHostname: String?,
        timeout: TimeAmount,
        group: any EventLoopGroup
    ) async throws -> SMTPConnection {
        // Each channel's handler is kept from the start rather than looked up after connecting: by then a failure
        // may have emptied the pipeline, and the handler is what knows why. Happy eyeballs may try several
        // channels, all on this one event loop, so they are told apart by identity.
        let eventLoop = group.next()
        let handlers = NIOLoopBoundBox.makeBoxSendingValue(
            [ObjectIdentifier: SMTPConnectionHandler](), eventLoop: eventLoop)
        let channel = try await ClientBootstrap(group: eventLoop)
            .connectTimeout(timeout)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    let pipeline = channel.pipeline.syncOperations
                    if let implicitTLS {
                        try pipeline.addHandler(
                            NIOSSLClientHandler(context: implicitTLS, serverHostname: serverHostname))
                    }
                    try pipeline.addHandler(ByteToMessageHandler(SMTPReplyDecoder()))
                    let handler = SMTPConnectionHandler(timeout: timeout)
                    try pipeline.addHandler(handler)
                    handlers.value[ObjectIdentifier(channel)] = handler
                }
            }
            .connect(host: host, port: port)
            .get()
        let handler = try await eventLoop.submit {
            NIOLoopBound(handlers.value[ObjectIdentifier(channel)]!, eventLoop: eventLoop)
        }.get()
        return SMTPConnection(channel: channel, handler: handler)
    }

    func greeting() async throws -> SMTPReply {
        let handler = self.handler
        let eventLoop = channel.eventLoop
        return try await eventLoop.flatSubmit { handler.value.awaitGreeting(on: eventLoop) }.get()
    }

    func send(_ line: String) async throws -> SMTPReply {
        var buffer = channel.allocator.buffer(capacity: line.utf8.count + 2)
        buffer.writeString(line)
        buffer.writeString("\r\n")
        return try await send(buffer)
    }

    func send(_ bytes: ByteBuffer) async throws -> SMTPReply {
        let handler = self.handler
        let eventLoop = channel.eventLoop
        return try await eventLoop.flatSubmit { handler.value.exchange(bytes, on: eventLoop) }.get()
    }

    /// TLS goes in front of the reply decoder, so everything read from now on is decrypted first.
    func startTLS(context: NIOSSLContext, serverHostname: String?) async throws {
        let channel = self.channel
        try await channel.eventLoop.submit {
            let tls = try NIOSSLClientHandler(context: context, serverHostname: serverHostname)
            try channel.pipeline.syncOperations.addHandler(tls, position: .first)
        }.get()
    }

    func close() async {
        try? await channel.close()
    }
}
