/**
 * The gallery's grid, shared by the first page and the pages loaded after it.
 *
 * One tile shape, square, with the whole picture letterboxed inside it rather than cropped
 * or laid out as masonry:
 * - results come in 16:9, 9:16 and 1:1, and a square wastes the same for landscape and
 *   portrait (each fills 56 % of it) where a 16:9 tile would shrink a 9:16 video to a third;
 * - the aspect ratio is a setting the person chose, and a crop would hide the edges they
 *   are judging; letterboxing shows every frame as it was made;
 * - equal rows keep arrow keys honest (up and down land on the card above and below) and
 *   keep the page's height independent of when posters load, so Back can restore a scroll
 *   position exactly; masonry gives up both.
 * Columns: 2 on a phone, 3, then 4 from 1024 px and 6 from 1280 px; a page of 24 fills
 * whole rows at each, so the next page continues the last row's rhythm.
 */
export const GRID_CLASS =
  "grid grid-cols-2 gap-3 sm:grid-cols-3 sm:gap-4 lg:grid-cols-4 xl:grid-cols-6";
