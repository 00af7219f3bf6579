/*
 * Exercises libVerdictC through include/verdict.h as a C embedder would: compiles a policy,
 * evaluates clients from two threads and checks that they agree, goes down every error path,
 * and frees everything (VerdictCTests runs it under valgrind, with fewer rounds, when valgrind is
 * installed). It prints
 * what it got, for VerdictCTests to compare, and exits 1 at the first check that fails.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <verdict.h>

static const char *policy_text =
    "field payment_delay: duration in days\n"
    "field revisions: number\n"
    "field revenue: number\n"
    "field hours: number\n"
    "\n"
    "rule \"slow and indecisive\"\n"
    "  when payment_delay > 30d and revisions > 5\n"
    "  then recommend fire notice 30d reason \"I don't think my services fit your needs.\"\n"
    "\n"
    "rule \"poorly paid\"\n"
    "  when revenue / hours < 20\n"
    "  then recommend talk\n"
    "\n"
    "otherwise recommend keep\n";

/* The clients both threads evaluate. */
static const char *clients[] = {
    "{\"payment_delay\": 45, \"revisions\": 7, \"revenue\": 1000, \"hours\": 10}",
    "{\"payment_delay\": \"2w\", \"revisions\": 9, \"revenue\": \"900\", \"hours\": 100}",
    "{\"payment_delay\": 10, \"revisions\": null}",
    "{}",
};
enum { client_count = sizeof clients / sizeof clients[0] };

/* How many times each thread evaluates every client: argv[1], or 200. */
static int rounds = 200;

static int failures = 0;

static void check(int condition, const char *what) {
  if (!condition) {
    fprintf(stderr, "conformance.c: check failed: %s\n", what);
    failures++;
  }
}

struct worker {
  const verdict_policy *policy;
  const verdict_context *context;
  char *outcomes[client_count]; /* the last round's outcomes */
  int disagreements;
};

/* Evaluates every client `rounds` times; each round must give the same outcome as the first. */
static void *evaluate_all(void *argument) {
  struct worker *worker = argument;
  for (int round = 0; round < rounds; round++) {
    for (int index = 0; index < client_count; index++) {
      char *outcome = NULL, *error = NULL;
      if (verdict_evaluate(worker->policy, worker->context, clients[index], &outcome, &error) != VERDICT_OK) {
        fprintf(stderr, "client %d: %s\n", index, error);
        worker->disagreements++;
      } else if (worker->outcomes[index] == NULL) {
        worker->outcomes[index] = outcome;
        outcome = NULL;
      } else if (strcmp(worker->outcomes[index], outcome) != 0) {
        worker->disagreements++;
      }
      verdict_string_free(outcome);
      verdict_string_free(error);
    }
  }
  return NULL;
}

/* Runs a call expected to fail with `expected`; prints its status and message, and frees it. */
static void expect_error(verdict_status status, verdict_status expected, char *error, const char *what) {
  printf("%s: status %d\n%s%s", what, (int)status, error ? error : "(no message)\n",
         error && error[strlen(error) - 1] != '\n' ? "\n" : "");
  check(status == expected, what);
  check(error != NULL, "a failure has a message");
  verdict_string_free(error);
}

int main(int argc, char **argv) {
  if (argc > 1) rounds = atoi(argv[1]);
  printf("version %s\n", verdict_version());

  verdict_policy *policy = NULL;
  char *error = NULL;
  verdict_status status = verdict_policy_compile(policy_text, "firing.verdict", &policy, &error);
  check(status == VERDICT_OK && policy != NULL && error == NULL, "the policy compiles");
  verdict_context *context = verdict_context_new();
  check(verdict_context_set_today(context, "2026-11-29", &error) == VERDICT_OK, "the date is set");

  /* Two threads, one policy and one context: the same outcomes as each other. */
  struct worker workers[2] = {{policy, context, {NULL}, 0}, {policy, context, {NULL}, 0}};
  pthread_t threads[2];
  for (int t = 0; t < 2; t++) pthread_create(&threads[t], NULL, evaluate_all, &workers[t]);
  for (int t = 0; t < 2; t++) pthread_join(threads[t], NULL);
  check(workers[0].disagreements == 0 && workers[1].disagreements == 0, "every round agrees");
  for (int index = 0; index < client_count; index++) {
    check(workers[0].outcomes[index] && workers[1].outcomes[index] &&
              strcmp(workers[0].outcomes[index], workers[1].outcomes[index]) == 0,
          "both threads agree");
    printf("client %d: %s\n", index, workers[0].outcomes[index]);
    verdict_string_free(workers[0].outcomes[index]);
    verdict_string_free(workers[1].outcomes[index]);
  }

  char *explanation = NULL;
  status = verdict_explain(policy, context, clients[0], VERDICT_FORMAT_JSON, &explanation, &error);
  check(status == VERDICT_OK && explanation && strstr(explanation, "\"decision\":\"only-match\""), "explain JSON");
  verdict_string_free(explanation);

  /* Every error path: a message, a status, nothing to free but the message. */
  verdict_policy *bad = NULL;
  status = verdict_policy_compile("field revisions: number\nwhen revisons > 5 then recommend fire\n",
                                  "bad.verdict", &bad, &error);
  check(bad == NULL, "a bad policy gives no handle");
  expect_error(status, VERDICT_ERROR_POLICY, error, "bad policy");

  char *outcome = NULL;
  status = verdict_evaluate(policy, context, "{\"revisions\": 7,}", &outcome, &error);
  check(outcome == NULL, "no outcome on an error");
  expect_error(status, VERDICT_ERROR_CLIENT, error, "bad JSON");
  status = verdict_evaluate(policy, context, "[1, 2]", &outcome, &error);
  expect_error(status, VERDICT_ERROR_CLIENT, error, "not an object");
  status = verdict_evaluate(policy, context, "{\"revision\": 7}", &outcome, &error);
  expect_error(status, VERDICT_ERROR_CLIENT, error, "unknown field");
  status = verdict_evaluate(policy, context, "{\"revisions\": 9, \"revisions\": 1}", &outcome, &error);
  expect_error(status, VERDICT_ERROR_CLIENT, error, "a field given twice");
  status = verdict_evaluate(policy, context, "{\"payment_delay\": \"fourty\"}", &outcome, &error);
  expect_error(status, VERDICT_ERROR_CLIENT, error, "value that does not fit");
  /* A string is read as `verdict run` reads a JSON record's: "1,250" has two readings. */
  status = verdict_evaluate(policy, context, "{\"revisions\": \"1,250\"}", &outcome, &error);
  expect_error(status, VERDICT_ERROR_CLIENT, error, "a string with two readings");
  /* A number's exponent is read as in a JSON data file: 1e400 is too large, not unread. */
  status = verdict_evaluate(policy, context, "{\"revisions\": 1e400}", &outcome, &error);
  expect_error(status, VERDICT_ERROR_CLIENT, error, "a number too large");
  status = verdict_evaluate(policy, context, "{\"revenue\": 100, \"hours\": 0}", &outcome, &error);
  expect_error(status, VERDICT_ERROR_EVALUATION, error, "division by zero");
  status = verdict_explain(policy, context, "{\"revenue\": 100, \"hours\": 0}", VERDICT_FORMAT_TEXT, &outcome, &error);
  expect_error(status, VERDICT_ERROR_EVALUATION, error, "explaining a failure");
  status = verdict_explain(policy, context, "{}", (verdict_format)7, &outcome, &error);
  expect_error(status, VERDICT_ERROR_ARGUMENT, error, "unknown format");
  status = verdict_evaluate(NULL, context, "{}", &outcome, &error);
  expect_error(status, VERDICT_ERROR_ARGUMENT, error, "NULL policy");
  status = verdict_evaluate(policy, context, NULL, &outcome, &error);
  expect_error(status, VERDICT_ERROR_ARGUMENT, error, "NULL client");
  status = verdict_evaluate(policy, context, "{\"revisions\": \"\xff\"}", &outcome, &error);
  expect_error(status, VERDICT_ERROR_ARGUMENT, error, "not UTF-8");
  status = verdict_context_set_today(context, "2026-02-30", &error);
  expect_error(status, VERDICT_ERROR_ARGUMENT, error, "bad date");
  status = verdict_policy_compile(policy_text, NULL, &bad, &error);
  expect_error(status, VERDICT_ERROR_ARGUMENT, error, "NULL name");
  check(verdict_evaluate(policy, context, "{\"revisions\": 7,}", &outcome, NULL) == VERDICT_ERROR_CLIENT,
        "a NULL error pointer is allowed");

  /* A NULL context means today is the local date; this policy does not read it. */
  status = verdict_evaluate(policy, NULL, clients[0], &outcome, &error);
  check(status == VERDICT_OK && strstr(outcome, "\"verdict\":\"fire\""), "a NULL context");
  verdict_string_free(outcome);

  verdict_context_free(context);
  verdict_policy_free(policy);
  verdict_policy_free(NULL);
  verdict_context_free(NULL);
  verdict_string_free(NULL);
  printf("%s\n", failures == 0 ? "all checks passed" : "some checks failed");
  return failures == 0 ? 0 : 1;
}
