package io.activationsuite.sandbox.slack;

/**
 * The ids of the emulated workspace and of the app's bot, as auth.test and message answers report them.
 *
 * @param teamId workspace id
 * @param teamName workspace name
 * @param botUserId the bot's user id
 * @param botId the bot id
 * @param appId the app id
 */
record SlackIdentity(String teamId, String teamName, String botUserId, String botId, String appId) {

  static final SlackIdentity SANDBOX = new SlackIdentity("T0SANDBOX01", "Activation Sandbox", "U0BOTUSER01",
      "B0BOTID0001", "A0SANDBOXAP");
}
