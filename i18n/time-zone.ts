/**
 * Times are shown in UTC, labelled as such, in every language: the server renders them and
 * does not know the viewer's zone, and a page must read the same before and after hydration.
 */
export const TIME_ZONE = "UTC";
