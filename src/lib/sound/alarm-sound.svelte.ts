/** Whether this browser wants the alarm sound; not personal, so it may live in localStorage. */
const STORAGE_KEY = 'lobbydesk.alarm-sound';
/** One siren cycle (two tones, twice), then a short breath. */
const CYCLE_MS = 1_600;

/**
 * The console's alarm: a two-tone siren made with an oscillator, repeating while an emergency
 * waits. Browsers keep audio silent until the page has had a tap or a key press, so the choice to
 * hear it is remembered per browser and the sound starts at the first gesture after a reload;
 * until it can actually play, `audible` is false and the console shows the switch.
 */
export class AlarmSound {
	/** The person asked for sound in this browser. */
	wanted = $state(false);
	/** The browser lets the page play it now. */
	running = $state(false);
	readonly audible = $derived(this.wanted && this.running);

	#context: AudioContext | null = null;
	#timer: ReturnType<typeof setInterval> | null = null;

	/** Reads the remembered choice and listens for the gesture that unlocks audio (`onMount`). */
	start(): () => void {
		this.wanted = readChoice() === 'on';
		const unlock = () => {
			if (this.wanted && !this.running) void this.#resume();
		};
		const options = { capture: true, passive: true };
		window.addEventListener('pointerdown', unlock, options);
		window.addEventListener('keydown', unlock, options);
		unlock();
		return () => {
			window.removeEventListener('pointerdown', unlock, options);
			window.removeEventListener('keydown', unlock, options);
			this.ring(false);
			void this.#context?.close().catch(() => {});
			this.#context = null;
		};
	}

	/** The switch's "on": called from a tap, so the browser allows the sound. */
	async enable(): Promise<void> {
		this.wanted = true;
		writeChoice('on');
		await this.#resume();
		// A short chirp says it works; a ringing alarm restarts at once.
		if (this.#timer === null) this.#siren(0.25);
		else this.#siren();
	}

	disable(): void {
		this.wanted = false;
		writeChoice('off');
	}

	/** Rings while `on` (every cycle plays only when audible), silent otherwise. */
	ring(on: boolean): void {
		if (on && this.#timer === null) {
			this.#siren();
			this.#timer = setInterval(() => this.#siren(), CYCLE_MS);
		} else if (!on && this.#timer !== null) {
			clearInterval(this.#timer);
			this.#timer = null;
		}
	}

	async #resume(): Promise<void> {
		try {
			this.#context ??= new AudioContext();
			const context = this.#context;
			context.onstatechange = () => (this.running = context.state === 'running');
			if (context.state !== 'running') await context.resume();
			this.running = context.state === 'running';
		} catch {
			// No audio device, or the browser still refuses: the switch stays in view.
			this.running = false;
		}
	}

	#siren(seconds = 1.4): void {
		const context = this.#context;
		if (!context || !this.wanted || context.state !== 'running') return;
		const t = context.currentTime;
		const tone = context.createOscillator();
		const volume = context.createGain();
		tone.type = 'square';
		for (let i = 0; i * 0.35 < seconds; i++) {
			tone.frequency.setValueAtTime(i % 2 ? 720 : 960, t + i * 0.35);
		}
		volume.gain.setValueAtTime(0.0001, t);
		volume.gain.exponentialRampToValueAtTime(0.4, t + 0.02);
		volume.gain.setValueAtTime(0.4, t + seconds - 0.05);
		volume.gain.exponentialRampToValueAtTime(0.0001, t + seconds);
		tone.connect(volume).connect(context.destination);
		tone.start(t);
		tone.stop(t + seconds + 0.02);
		navigator.vibrate?.([300, 150, 300]);
	}
}

function readChoice(): string | null {
	try {
		return localStorage.getItem(STORAGE_KEY);
	} catch {
		return null;
	}
}

function writeChoice(choice: 'on' | 'off'): void {
	try {
		localStorage.setItem(STORAGE_KEY, choice);
	} catch {
		// Storage refused (private mode): the choice lasts as long as the page.
	}
}
