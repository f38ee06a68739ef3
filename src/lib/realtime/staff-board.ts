import { createContext } from 'svelte';
import type { LiveBoard } from './live-board.svelte.js';

/**
 * The console's one live connection, opened by the staff layout and shared by every page and
 * component under it (the queue, the emergency alert), so a tab holds one socket.
 */
export const [getStaffBoard, setStaffBoard] = createContext<LiveBoard<'staff'> | null>();
