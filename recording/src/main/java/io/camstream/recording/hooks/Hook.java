package io.camstream.recording.hooks;

/**
 * Something run when a motion event starts or ends: a command or a URL.
 */
public sealed interface Hook permits CommandHook, UrlHook {

    /**
     * Runs the hook once; returns when it is done, has failed or has run out of time.
     *
     * @param call what happened
     * @return a word on how it went, for the log: {@code exit 0}, {@code HTTP 200}
     * @throws Exception when it could not be run or failed; the message is logged
     */
    String run(HookCall call) throws Exception;
}
