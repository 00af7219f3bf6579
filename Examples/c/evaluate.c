/* Evaluates and explains one client with libVerdictC; see docs/embedding-c.md. */
#include <stdio.h>
#include <verdict.h>

static const char *policy_text =
    "field payment_delay: duration in days\n"
    "field outstanding: money in EUR\n"
    "\n"
    "rule \"owes and pays late\"\n"
    "  when payment_delay > 60d and outstanding > 0€\n"
    "  then recommend fire notice 30d hold until paid\n"
    "\n"
    "rule \"pays late\"\n"
    "  when payment_delay > 30d\n"
    "  then recommend talk meet by phone\n"
    "\n"
    "otherwise recommend keep\n";

int main(void) {
  verdict_policy *policy = NULL;
  char *error = NULL;
  if (verdict_policy_compile(policy_text, "late-payers.verdict", &policy, &error) != VERDICT_OK) {
    fprintf(stderr, "%s", error);
    verdict_string_free(error);
    return 1;
  }
  verdict_context *context = verdict_context_new();
  verdict_context_set_today(context, "2026-11-29", NULL);

  const char *client = "{\"payment_delay\": 72, \"outstanding\": \"3150 EUR\"}";
  char *outcome = NULL;
  if (verdict_evaluate(policy, context, client, &outcome, &error) == VERDICT_OK) {
    printf("%s\n", outcome);
  }
  verdict_string_free(outcome);

  char *explanation = NULL;
  if (verdict_explain(policy, context, client, VERDICT_FORMAT_TEXT, &explanation, &error) == VERDICT_OK) {
    printf("%s", explanation);
  }
  verdict_string_free(explanation);

  /* A misspelt field is refused, with the field it probably meant. */
  verdict_status status = verdict_evaluate(policy, context, "{\"payment_dealy\": 72}", &outcome, &error);
  printf("status %d: %s\n", (int)status, error);
  verdict_string_free(error);

  verdict_context_free(context);
  verdict_policy_free(policy);
  return 0;
}
