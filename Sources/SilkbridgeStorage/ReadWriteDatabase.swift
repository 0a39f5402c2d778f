import FluentKit
import Logging
import NIOCore
import SQLKit

/// An SQLite file seen through two pools: one writer connection for every change and transaction, and read-only
/// connections beside it for plain reads. In WAL mode readers never wait for the writer, and with a single writer
/// no connection of this process ever waits for another's write lock, so the file's lock cannot tie up the thread
/// pool (SQLiteNIO's busy handler retries without end on the thread that hit the lock).
struct ReadWriteDatabase: Database, SQLDatabase {
    let writer: any Database
    let reader: any Database

    private var writerSQL: any SQLDatabase { writer as! any SQLDatabase }
    private var readerSQL: any SQLDatabase { reader as! any SQLDatabase }

    var context: DatabaseContext { writer.context }
    var inTransaction: Bool { false }
    var logger: Logger { writer.logger }
    var eventLoop: any EventLoop { writer.eventLoop }
    var dialect: any SQLDialect { writerSQL.dialect }
    var version: (any SQLDatabaseReportedVersion)? { writerSQL.version }
    var queryLogLevel: Logger.Level? { writerSQL.queryLogLevel }

    func execute(query: DatabaseQuery, onOutput: @escaping @Sendable (any DatabaseOutput) -> Void)
        -> EventLoopFuture<Void>
    {
        switch query.action {
        case .read, .aggregate: reader.execute(query: query, onOutput: onOutput)
        case .create, .update, .delete, .custom: writer.execute(query: query, onOutput: onOutput)
        }
    }

    func execute(schema: DatabaseSchema) -> EventLoopFuture<Void> {
        writer.execute(schema: schema)
    }

    func execute(enum: DatabaseEnum) -> EventLoopFuture<Void> {
        writer.execute(enum: `enum`)
    }

    func transaction<T>(_ closure: @escaping @Sendable (any Database) -> EventLoopFuture<T>) -> EventLoopFuture<T> {
        writer.transaction(closure)
    }

    func withConnection<T>(_ closure: @escaping @Sendable (any Database) -> EventLoopFuture<T>) -> EventLoopFuture<T> {
        writer.withConnection(closure)
    }

    /// Only a `SELECT` built with SQLKit goes to a reader; raw SQL may write, so it goes to the writer.
    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void)
        -> EventLoopFuture<Void>
    {
        (query is SQLSelect ? readerSQL : writerSQL).execute(sql: query, onRow)
    }
}
