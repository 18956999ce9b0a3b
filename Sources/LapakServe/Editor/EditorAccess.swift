import Foundation
import Synchronization

/// Who may use the editor. On loopback everyone at this computer may; opened to the network,
/// every client (loopback included) first enters the 6-digit PIN printed in the terminal. A
/// session is a random token in an `HttpOnly`, `SameSite=Strict` cookie, and each session has
/// its own CSRF token that every POST must carry in `_csrf`.
///
/// Wrong PINs are counted for all clients together: after `maxFailures` in a row the PIN is
/// refused for `lockout`, whoever types it, so guessing one of a million PINs takes years.
final class EditorAccess: Sendable {
    static let cookieName = "lapak_editor"
    static let maxFailures = 5
    static let maxSessions = 200

    enum PINResult: Equatable {
        case accepted(token: String)
        case wrong(attemptsLeft: Int)
        case locked(until: Date)
    }

    struct Session: Sendable {
        let csrf: String
        let created: Date
    }

    /// nil on loopback, where no PIN is asked.
    let pin: String?
    let lockout: TimeInterval
    private let clock: @Sendable () -> Date
    private let state = Mutex(State())

    private struct State {
        var sessions: [String: Session] = [:]
        var failures = 0
        var lockedUntil: Date?
    }

    init(pin: String?, lockout: TimeInterval = 300, clock: @escaping @Sendable () -> Date = { Date() }) {
        self.pin = pin
        self.lockout = lockout
        self.clock = clock
    }

    /// Six random digits, for the terminal.
    static func newPIN() -> String {
        var generator = SystemRandomNumberGenerator()
        return String(format: "%06d", Int.random(in: 0..<1_000_000, using: &generator))
    }

    /// 32 random bytes as hex.
    static func randomToken() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<4).map { _ in String(format: "%016llx", generator.next() as UInt64) }.joined()
    }

    var needsPIN: Bool { pin != nil }

    /// The session of a cookie header, when it names one.
    func session(cookieHeader: String?) -> (token: String, session: Session)? {
        guard let token = Self.cookie(Self.cookieName, in: cookieHeader) else { return nil }
        return state.withLock { state in
            guard let session = state.sessions[token] else { return nil }
            if clock().timeIntervalSince(session.created) > 12 * 3600 {
                state.sessions[token] = nil
                return nil
            }
            return (token, session)
        }
    }

    /// A new session: on loopback for whoever asks, in LAN mode only through `enter(pin:)`.
    func openSession() -> String {
        let token = Self.randomToken()
        state.withLock { state in
            if state.sessions.count >= Self.maxSessions,
               let oldest = state.sessions.min(by: { $0.value.created < $1.value.created })?.key {
                state.sessions[oldest] = nil
            }
            state.sessions[token] = Session(csrf: Self.randomToken(), created: clock())
        }
        return token
    }

    func enter(pin typed: String) -> PINResult {
        let now = clock()
        let allowed = state.withLock { state -> PINResult? in
            if let until = state.lockedUntil, until > now { return .locked(until: until) }
            return nil
        }
        if let allowed { return allowed }
        guard let pin, Self.constantTimeEqual(typed.trimmingCharacters(in: .whitespaces), pin) else {
            return state.withLock { state in
                state.failures += 1
                if state.failures >= Self.maxFailures {
                    state.failures = 0
                    state.lockedUntil = now.addingTimeInterval(lockout)
                    return .locked(until: now.addingTimeInterval(lockout))
                }
                return .wrong(attemptsLeft: Self.maxFailures - state.failures)
            }
        }
        state.withLock { state in
            state.failures = 0
            state.lockedUntil = nil
        }
        return .accepted(token: openSession())
    }

    /// Whether a POST's `_csrf` is its session's token.
    func csrfMatches(_ submitted: String?, session: Session) -> Bool {
        guard let submitted else { return false }
        return Self.constantTimeEqual(submitted, session.csrf)
    }

    /// The `Set-Cookie` value of a session: sent back only to this server, never to scripts.
    static func setCookie(_ token: String) -> String {
        "\(cookieName)=\(token); Path=/_lapak/; HttpOnly; SameSite=Strict"
    }

    static func cookie(_ name: String, in header: String?) -> String? {
        guard let header else { return nil }
        for part in header.split(separator: ";") {
            let pair = part.trimmingCharacters(in: .whitespaces)
            if pair.hasPrefix(name + "=") { return String(pair.dropFirst(name.count + 1)) }
        }
        return nil
    }

    static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        var difference: UInt8 = 0
        for index in x.indices { difference |= x[index] ^ y[index] }
        return difference == 0
    }
}
