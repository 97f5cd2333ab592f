import Synchronization

/// Parts that several checkers build from the same packs, made once for a set of checkers built
/// together (`Checker.init(rules:settings:shared:)`): the disclaimer and balance checkers each
/// hold the same health-page analyser, and building it is about a third of start-up.
/// One part per type: the first checker to ask builds it, a checker asking while it is being
/// built waits for it, and the rest read it.
public final class SharedCheckerParts: Sendable {
    private final class Slot: Sendable {
        let value = Mutex<Result<any Sendable, any Error>?>(nil)
    }
    private let slots = Mutex<[ObjectIdentifier: Slot]>([:])

    public init() {}

    /// The part of type `T`: built by `make` on the first call, the same value (or error) after.
    public func part<T: Sendable>(_ type: T.Type, make: () throws -> T) throws -> T {
        let slot = slots.withLock { slots in
            if let slot = slots[ObjectIdentifier(type)] { return slot }
            let slot = Slot()
            slots[ObjectIdentifier(type)] = slot
            return slot
        }
        // The slot's lock is held while the part is built, so a second caller waits for it
        // instead of building its own.
        let result = slot.value.withLock { value -> Result<any Sendable, any Error> in
            if let value { return value }
            let made = Result<any Sendable, any Error> { try make() }
            value = made
            return made
        }
        // (Only `part(T.self)` stores under T's identifier, so the value is a T.)
        return try result.get() as! T
    }
}
