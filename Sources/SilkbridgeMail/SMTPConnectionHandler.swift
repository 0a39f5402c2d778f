import NIOCore

/// Pairs each command with the one reply it awaits, and fails that wait when the reply does not come in time,
/// when the connection breaks, or when the server says something unasked. Lives on the channel's event loop.
///
/// Any failure also closes the channel, so no connection outlives an error whatever its caller does next.
final class SMTPConnectionHandler: ChannelInboundHandler {
    typealias InboundIn = SMTPReply
    typealias OutboundOut = ByteBuffer

    private let timeout: TimeAmount
    private var context: ChannelHandlerContext?
    private var pending: EventLoopPromise<SMTPReply>?
    private var timer: Scheduled<Void>?
    private var exchanges = 0
    private var failure: SMTPConnectionError?
    private var greeting: EventLoopFuture<SMTPReply>?

    init(timeout: TimeAmount) {
        self.timeout = timeout
    }

    func handlerAdded(context: ChannelHandlerContext) {
        self.context = context
        // The server speaks first, so the wait for its greeting starts before anyone asks for it.
        let promise = context.eventLoop.makePromise(of: SMTPReply.self)
        pending = promise
        greeting = promise.futureResult
        if context.channel.isActive {
            armTimer(for: exchanges)
        }
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        fail(.closed)
        self.context = nil
    }

    func channelActive(context: ChannelHandlerContext) {
        armTimer(for: exchanges)
        context.fireChannelActive()
    }

    func channelInactive(context: ChannelHandlerContext) {
        fail(.closed)
        context.fireChannelInactive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let reply = unwrapInboundIn(data)
        guard let promise = pending else {
            fail(.protocolViolation("the server sent a reply nobody asked for: \(reply.summary)"))
            return
        }
        pending = nil
        timer?.cancel()
        timer = nil
        promise.succeed(reply)
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        fail(SMTPConnectionError(error))
    }

    func awaitGreeting(on eventLoop: any EventLoop) -> EventLoopFuture<SMTPReply> {
        greeting ?? eventLoop.makeFailedFuture(failure ?? .closed)
    }

    /// Sends `command` and waits for its reply. The wait restarts once the command is written, so a large message
    /// is allowed the full timeout for the server's answer after it has gone out.
    func exchange(_ command: ByteBuffer, on eventLoop: any EventLoop) -> EventLoopFuture<SMTPReply> {
        if let failure {
            return eventLoop.makeFailedFuture(failure)
        }
        guard let context else {
            return eventLoop.makeFailedFuture(SMTPConnectionError.closed)
        }
        guard pending == nil else {
            return eventLoop.makeFailedFuture(
                SMTPConnectionError.protocolViolation("a command was sent before the previous reply came"))
        }
        let promise = eventLoop.makePromise(of: SMTPReply.self)
        pending = promise
        exchanges += 1
        let exchange = exchanges
        armTimer(for: exchange)
        context.writeAndFlush(wrapOutboundOut(command)).assumeIsolated().whenComplete { result in
            switch result {
            case .success:
                if self.exchanges == exchange, self.pending != nil {
                    self.armTimer(for: exchange)
                }
            case .failure(let error):
                self.fail(SMTPConnectionError(error))
            }
        }
        return promise.futureResult
    }

    private func armTimer(for exchange: Int) {
        guard let context, pending != nil else { return }
        timer?.cancel()
        timer = context.eventLoop.assumeIsolated().scheduleTask(in: timeout) {
            if self.exchanges == exchange {
                self.fail(.timeout)
            }
        }
    }

    private func fail(_ error: SMTPConnectionError) {
        let isFirstFailure = failure == nil
        if isFirstFailure {
            failure = error
        }
        timer?.cancel()
        timer = nil
        if let promise = pending {
            pending = nil
            promise.fail(failure ?? error)
        }
        if isFirstFailure {
            context?.close(promise: nil)
        }
    }
}
