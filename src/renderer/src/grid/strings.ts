// The grid's text lives with every other user-facing string.
export { GRID_TEXT } from '../../../shared/strings';
