package io.nbci.deploy;

/**
 * One release on a target, as {@code nbci releases} lists it.
 *
 * @param id        release ID
 * @param created   when it was staged (ISO-8601), or the folder's time when the manifest is missing
 * @param commit    git commit, or null
 * @param createdBy who deployed it
 * @param files     number of files
 * @param bytes     total size
 * @param live      whether the live pointer names it
 * @param complete  whether it has a readable manifest (always true for releases nbci published)
 */
public record ReleaseInfo(String id, String created, String commit, String createdBy, int files, long bytes,
        boolean live, boolean complete) {
}
