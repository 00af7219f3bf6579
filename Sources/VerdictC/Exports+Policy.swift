import Verdict

// The C interface, part one: the version, compiling and freeing policies, contexts and strings.
// `include/verdict.h` declares these functions and is their documentation for C callers.

/// The library's version, as `verdict --version` prints it.
let libraryVersion = "0.1.0"

/// `libraryVersion` as a C string made once, never freed.
nonisolated(unsafe) let libraryVersionCString = CString.copy(libraryVersion)

/// `const char *verdict_version(void)`: the library's version, a static string.
@c(verdict_version)
public func verdictVersion() -> UnsafePointer<CChar>? {
  UnsafePointer(libraryVersionCString)
}

/// `verdict_policy_compile`: compiles `source`, labelling diagnostics with `name`; on success
/// `*policy` is a new handle, else `*error` holds every diagnostic as `verdict check` prints them.
@c(verdict_policy_compile)
public func verdictPolicyCompile(
  _ source: UnsafePointer<CChar>?, _ name: UnsafePointer<CChar>?, _ policy: UnsafeMutablePointer<OpaquePointer?>?,
  _ error: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
) -> CInt {
  policy?.pointee = nil
  return entryPoint(error) { () throws(CallFailure) in
    let function = "verdict_policy_compile"
    let text = try CString.read(source, "source", of: function)
    let name = try CString.read(name, "name", of: function)
    guard let policy else { throw .argument("\(function): policy is NULL") }
    let file = SourceFile(name: name, text: text)
    let compilation = Policy.compile(file)
    guard let compiled = compilation.policy else {
      throw CallFailure(status: .policy, message: DiagnosticRenderer().render(compilation.diagnostics, in: file))
    }
    policy.pointee = Handle.retained(PolicyHandle(compiled))
  }
}

/// `verdict_policy_free`: releases a policy handle; NULL does nothing.
@c(verdict_policy_free)
public func verdictPolicyFree(_ policy: OpaquePointer?) {
  Handle.release(policy, as: PolicyHandle.self)
}

/// `verdict_context_new`: a new context whose `today` is the local date now.
@c(verdict_context_new)
public func verdictContextNew() -> OpaquePointer? {
  Handle.retained(ContextHandle())
}

/// `verdict_context_set_today`: sets the date `today` means, written as a data cell would be.
@c(verdict_context_set_today)
public func verdictContextSetToday(
  _ context: OpaquePointer?, _ date: UnsafePointer<CChar>?, _ error: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
) -> CInt {
  entryPoint(error) { () throws(CallFailure) in
    let function = "verdict_context_set_today"
    let handle = try Handle.borrow(context, as: ContextHandle.self, "context", of: function)
    let text = try CString.read(date, "date", of: function)
    let field = FieldInfo(name: "today", type: .date)
    guard case .success(.date(let today)) = CellReader().read(text, for: field) else {
      throw .argument("\(function): '\(text)' is not a date; write it as 2026-11-28 or 28.11.2026")
    }
    handle.setToday(today)
  }
}

/// `verdict_context_free`: releases a context handle; NULL does nothing.
@c(verdict_context_free)
public func verdictContextFree(_ context: OpaquePointer?) {
  Handle.release(context, as: ContextHandle.self)
}

/// `verdict_string_free`: frees a string this library returned; NULL does nothing.
@c(verdict_string_free)
public func verdictStringFree(_ string: UnsafeMutablePointer<CChar>?) {
  CString.release(string)
}
