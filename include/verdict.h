/*
 * verdict.h: the C interface to Verdict, a rules language for deciding when a client costs more
 * than they bring. Link with libVerdictC (built by `swift build --product VerdictC`).
 *
 * Conventions
 *
 *  - Strings are UTF-8 and NUL-terminated, in and out: the first NUL ends a string argument
 *    (write a NUL inside a JSON string as \u0000). A string that is not valid UTF-8 is refused
 *    with VERDICT_ERROR_ARGUMENT. Text from the caller that a message quotes (a client's key)
 *    shows its control characters as \u{0}, \u{1B}, so a message never holds a NUL.
 *  - Every function that can fail returns a verdict_status and, when it is not VERDICT_OK,
 *    stores a message in *error (when `error` is not NULL): for a policy that does not compile
 *    or an evaluation that fails, the diagnostics exactly as `verdict check` prints them
 *    (file:line:column, the source line, a caret, the hint). No function aborts the process on
 *    bad input.
 *  - Results are handed over to the caller: a string from an out-parameter is freed with
 *    verdict_string_free, a policy with verdict_policy_free, a context with
 *    verdict_context_free. Out-parameters are set to NULL first, so freeing them is always safe;
 *    on an error, only *error is set.
 *  - A NULL argument is refused with VERDICT_ERROR_ARGUMENT, except where a parameter says
 *    that NULL is allowed.
 *  - Handles: a verdict_policy or verdict_context that was freed already, or given where the
 *    other kind is expected, or not made by this library, is refused with
 *    VERDICT_ERROR_ARGUMENT, and freeing it again does nothing. This is a guard, not a licence:
 *    once freed, a handle's address may be given to a new handle, which a stale pointer then
 *    reaches. Do not use a handle after freeing it.
 *
 * Threads
 *
 *  A compiled policy is an immutable value: any number of threads may evaluate and explain
 *  clients with one verdict_policy at the same time, without locking. A verdict_context may be
 *  shared too: an evaluation reads its date once, when it starts, so verdict_context_set_today
 *  may be called while other threads evaluate with it (each evaluation sees the old date or the
 *  new one). A handle freed while another thread's call is using it stays alive until that
 *  call returns; calls that start after the free are refused.
 */
#ifndef VERDICT_H
#define VERDICT_H

#ifdef __cplusplus
extern "C" {
#endif

/* The outcome of a call. */
typedef enum verdict_status {
  VERDICT_OK = 0,
  /* A NULL argument, a string that is not UTF-8, a date that is not a date, an unknown format,
     a handle freed already or of the other kind. */
  VERDICT_ERROR_ARGUMENT = 1,
  /* The policy text does not compile; the message holds every diagnostic. */
  VERDICT_ERROR_POLICY = 2,
  /* The client JSON is not a JSON object, names a field the policy does not have, or holds a
     value that does not fit its field. */
  VERDICT_ERROR_CLIENT = 3,
  /* The evaluation failed (an overflow, a division by zero); the message is the diagnostic. */
  VERDICT_ERROR_EVALUATION = 4
} verdict_status;

/* How verdict_explain writes an explanation. */
typedef enum verdict_format {
  /* As `verdict explain` prints it. */
  VERDICT_FORMAT_TEXT = 0,
  /* As `verdict explain --tree`: every rule's whole condition with the value of each part. */
  VERDICT_FORMAT_TEXT_TREE = 1,
  /* One object as in the array `verdict explain --format json` prints. */
  VERDICT_FORMAT_JSON = 2
} verdict_format;

/* A compiled policy (opaque). Immutable: safe to use from several threads at once. */
typedef struct verdict_policy verdict_policy;

/* What an evaluation reads besides the client: the date `today` means (opaque). */
typedef struct verdict_context verdict_context;

/* The library's version, such as "0.1.0": a static string, not to be freed. */
const char *verdict_version(void);

/*
 * Compiles a policy from its text. `name` labels the diagnostics (a file path, or a name of
 * your own such as "<policy>"). On success, *policy is a new policy to free with
 * verdict_policy_free. On VERDICT_ERROR_POLICY, *error holds every diagnostic, as in
 *   firing.verdict:3:6: error: unknown field 'payment_dela'
 *       3 | when payment_dela > 30d
 *         |      ^~~~~~~~~~~~
 *         = hint: did you mean 'payment_delay'?
 * Warnings do not stop a policy from compiling.
 */
verdict_status verdict_policy_compile(const char *source, const char *name, verdict_policy **policy,
                                      char **error);

/* Frees a policy. NULL is allowed and does nothing. */
void verdict_policy_free(verdict_policy *policy);

/* A new context whose `today` is the local date when it is made; free with verdict_context_free. */
verdict_context *verdict_context_new(void);

/* Sets the date `today` means, written as a data cell would be: "2026-11-28" or "28.11.2026".
   Evaluations that start afterwards use it; one already running keeps the date it started with. */
verdict_status verdict_context_set_today(verdict_context *context, const char *date, char **error);

/* Frees a context. NULL is allowed and does nothing. */
void verdict_context_free(verdict_context *context);

/*
 * Evaluates the policy on one client, given as a JSON object from field name to value:
 *   {"payment_delay": "45d", "revisions": 7, "outstanding": "1200 EUR", "since": "2026-01-31"}
 * Values are read as `verdict run` reads a JSON data file: strings as data cells ("45d",
 * "1200 EUR", "2026-11-28"), numbers as written (a bare number for a duration field declared
 * `in days` is days), true and false; null, or a field left out, is missing. A key the policy
 * has no field for is an error, with a did-you-mean. `context` may be NULL: today is then the
 * local date.
 *
 * On success, *outcome is a JSON object (free it with verdict_string_free), with the keys of a
 * `verdict run --format json` row, and the rules behind the verdict:
 *   {"cooldown":null,"hold_until_paid":false,"matched":["slow payer"],"meet":null,
 *    "notice":"30d","reason":null,"refer":null,"rule":"slow payer","unknown":[],
 *    "verdict":"fire"}
 * `rule` is the winning rule (its name, or "line N" for an unnamed one), null when no rule
 * matched and `otherwise` decided; `matched` lists every rule whose condition held, `unknown`
 * every rule that missing data left undecided.
 */
verdict_status verdict_evaluate(const verdict_policy *policy, const verdict_context *context,
                                const char *client_json, char **outcome, char **error);

/*
 * Explains the verdict for one client (given as for verdict_evaluate): every rule, the facts
 * behind its outcome and why the winner won, as text or JSON (`format`). Free *explanation with
 * verdict_string_free. An evaluation that fails is VERDICT_ERROR_EVALUATION, as for
 * verdict_evaluate.
 */
verdict_status verdict_explain(const verdict_policy *policy, const verdict_context *context,
                               const char *client_json, verdict_format format, char **explanation,
                               char **error);

/* Frees a string this library returned. NULL is allowed and does nothing. */
void verdict_string_free(char *string);

#ifdef __cplusplus
}
#endif

#endif /* VERDICT_H */
