package transcript_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"html"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/textdiarize/diarize/transcript"
)

// The tests in this file run headless Chromium (Debian package chromium;
// .ci/run installs it). They skip when no browser is found: set
// DIARIZE_CHROMIUM to its path if it is not on PATH. Screenshots go to
// DIARIZE_ARTIFACTS when set, otherwise to a temporary directory.

func chromiumPath(t *testing.T) string {
	t.Helper()
	if p := os.Getenv("DIARIZE_CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	t.Skip("no Chromium found (install the chromium package or set DIARIZE_CHROMIUM)")
	return ""
}

// runChromium runs headless Chromium on a page with a fresh profile and no
// network chatter, and returns its standard output.
func runChromium(t *testing.T, page string, extra ...string) []byte {
	t.Helper()
	bin := chromiumPath(t)
	// Headless Chromium now and then dies of a signal on a busy virtual
	// machine before it loads the page; such a crash says nothing of the
	// page, so it is tried again, up to three times in all.
	for attempt := 1; ; attempt++ {
		out, stderr, timedOut, err := chromiumOnce(t, bin, page, extra)
		if err == nil {
			return out
		}
		var exit *exec.ExitError
		crashed := !timedOut && errors.As(err, &exit) && exit.ProcessState != nil && !exit.Exited()
		if !crashed || attempt == 3 {
			t.Fatalf("%s: %v\n%s", bin, err, stderr)
		}
		t.Logf("%s crashed (%v); trying again", bin, err)
	}
}

// chromiumOnce runs Chromium once on page with a profile of its own;
// timedOut reports that it was stopped after 90 seconds.
func chromiumOnce(t *testing.T, bin, page string, extra []string) (out []byte, stderr string, timedOut bool, err error) {
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	args := []string{"--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--user-data-dir=" + t.TempDir()}
	args = append(append(args, extra...), "file://"+page)
	cmd := exec.CommandContext(ctx, bin, args...)
	var buf bytes.Buffer
	cmd.Stderr = &buf
	out, err = cmd.Output()
	return out, buf.String(), ctx.Err() != nil, err
}

func writeTemp(t *testing.T, name string, data []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

var sectionRE = regexp.MustCompile(`<section class="turn c\d(?: teaser)?" data-speaker="([^"]*)" data-role="([^"]*)"`)

// TestHTMLInChromium renders the HTML page of each format input in
// Chromium, checks the DOM it builds (one section per turn, in order, with
// the right speakers) and saves a screenshot.
func TestHTMLInChromium(t *testing.T) {
	chromiumPath(t)
	artifacts := os.Getenv("DIARIZE_ARTIFACTS")
	if artifacts == "" {
		artifacts = t.TempDir()
	}
	for _, file := range formatInputs(t) {
		t.Run(filepath.Base(file), func(t *testing.T) {
			_, tr := parseFile(t, file)
			var buf bytes.Buffer
			if err := tr.WriteHTML(&buf); err != nil {
				t.Fatal(err)
			}
			page := writeTemp(t, "page.html", buf.Bytes())
			dom := runChromium(t, page, "--dump-dom")
			got := sectionRE.FindAllStringSubmatch(string(dom), -1)
			if len(got) != len(tr.Turns) {
				t.Fatalf("Chromium's DOM has %d turn sections, want %d", len(got), len(tr.Turns))
			}
			for i, m := range got {
				if tu := tr.Turns[i]; m[1] != tu.Speaker || m[2] != tu.Role.String() {
					t.Errorf("section %d: speaker %s %s, want %s %s", i, m[1], m[2], tu.Speaker, tu.Role)
				}
			}
			for _, s := range tr.Speakers {
				if !strings.Contains(string(dom), `data-speaker="`+s.ID+`"><span class="who">`) {
					t.Errorf("no talk-time bar for %s", s.ID)
				}
			}
			shot := filepath.Join(artifacts, filepath.Base(file)+".png")
			runChromium(t, page, "--screenshot="+shot, "--window-size=900,1200", "--hide-scrollbars")
			if fi, err := os.Stat(shot); err != nil || fi.Size() < 1000 {
				t.Fatalf("no screenshot at %s: %v", shot, err)
			}
			t.Logf("screenshot: %s", shot)
		})
	}
}

// trackPage is a page that loads a WebVTT text into a <track> and writes
// the cues Chromium's own WebVTT parser finds into <pre id="out"> as JSON:
// [[start, end, text], ...].
const trackPage = `<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>
<video id="v" muted><track id="t" kind="subtitles" default></video>
<pre id="out">pending</pre>
<script>
const out = document.getElementById("out");
const el = document.getElementById("t");
el.addEventListener("load", () => {
  out.textContent = JSON.stringify(Array.from(el.track.cues).map(c => [c.startTime, c.endTime, c.text]));
});
el.addEventListener("error", () => { out.textContent = "error"; });
el.src = URL.createObjectURL(new Blob([VTT], {type: "text/vtt"}));
el.track.mode = "hidden";
</script></body></html>`

// chromiumCues returns the cues Chromium parses from vtt.
func chromiumCues(t *testing.T, vtt []byte) [][3]any {
	t.Helper()
	js, _ := json.Marshal(string(vtt)) // escapes <, > and &
	page := writeTemp(t, "track.html", []byte(strings.Replace(trackPage, "VTT", string(js), 1)))
	dom := string(runChromium(t, page, "--dump-dom", "--virtual-time-budget=10000"))
	_, rest, ok := strings.Cut(dom, `<pre id="out">`)
	body, _, ok2 := strings.Cut(rest, "</pre>")
	if !ok || !ok2 {
		t.Fatalf("no output in Chromium's DOM:\n%s", dom)
	}
	var cues [][3]any
	if err := json.Unmarshal([]byte(html.UnescapeString(body)), &cues); err != nil {
		t.Fatalf("Chromium's cues: %v: %s", err, body)
	}
	return cues
}

var (
	voiceRE = regexp.MustCompile(`^<v ([^>]*)>`)
	tagRE   = regexp.MustCompile(`<[^>]*>`)
)

// cueTurns groups cues into turns by their speaker, which speakerOf reads
// from a cue's text and strips.
func cueTurns(cues [][3]any, speakerOf func(string) (string, string)) []roundTurn {
	var out []roundTurn
	for _, c := range cues {
		start, stop, text := c[0].(float64), c[1].(float64), c[2].(string)
		who, rest := speakerOf(text)
		words := strings.Fields(html.UnescapeString(tagRE.ReplaceAllString(rest, "")))
		if n := len(out); n > 0 && out[n-1].Name == who {
			out[n-1].Words += " " + strings.Join(words, " ")
			out[n-1].Stop = stop
			continue
		}
		out = append(out, roundTurn{Name: who, Words: strings.Join(words, " "), Start: start, Stop: stop})
	}
	return out
}

// TestTrackRoundTrip writes each format input as WebVTT and as SRT,
// reads the file back with our reader and with Chromium's WebVTT parser
// (the SRT with its commas made points and a WEBVTT header, as players
// convert it), and expects the same turns and times from both.
func TestTrackRoundTrip(t *testing.T) {
	chromiumPath(t)
	for _, file := range formatInputs(t) {
		_, tr := parseFile(t, file)
		for _, format := range []string{"vtt", "srt"} {
			t.Run(filepath.Base(file)+"."+format, func(t *testing.T) {
				var buf bytes.Buffer
				var err error
				if format == "vtt" {
					err = tr.WriteWebVTT(&buf)
				} else {
					err = tr.WriteSRT(&buf)
				}
				if err != nil {
					t.Fatal(err)
				}
				p := transcript.Parser{Format: transcript.Auto}
				back, err := p.Parse(buf.Bytes())
				if err != nil {
					t.Fatal(err)
				}
				ours := roundTurns(back)
				vtt := buf.Bytes()
				speakerOf := func(text string) (string, string) {
					if m := voiceRE.FindStringSubmatch(text); m != nil {
						return html.UnescapeString(m[1]), text[len(m[0]):]
					}
					return "", text
				}
				if format == "srt" {
					vtt = srtToVTT(vtt)
					speakerOf = func(text string) (string, string) {
						who, rest, _ := strings.Cut(text, ": ")
						return who, rest
					}
				}
				theirs := cueTurns(chromiumCues(t, vtt), speakerOf)
				for i := range ours {
					// Chromium knows voices, not roles: compare the labels.
					if ours[i].Name == "" {
						ours[i].Name = strings.ToUpper(ours[i].Role[:1]) + ours[i].Role[1:]
					}
					ours[i].Role = ""
				}
				if diff := cmp.Diff(ours, theirs, cmp.Comparer(func(a, b float64) bool { return a-b < 0.0015 && b-a < 0.0015 })); diff != "" {
					t.Errorf("our reader and Chromium's differ (-ours +chromium):\n%s", diff)
				}
			})
		}
	}
}

var srtTiming = regexp.MustCompile(`(?m)^(\d\d:\d\d:\d\d),(\d\d\d) --> (\d\d:\d\d:\d\d),(\d\d\d)`)

// srtToVTT converts the SRT our writer writes to WebVTT: a header, points
// for commas in the timing lines, and the text escaped (SRT has no
// character references, so "<" in SRT text is a literal).
func srtToVTT(srt []byte) []byte {
	esc := strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;")
	lines := strings.Split(string(srt), "\n")
	for i, l := range lines {
		if !strings.Contains(l, " --> ") {
			lines[i] = esc.Replace(l)
		}
	}
	return append([]byte("WEBVTT\n\n"), srtTiming.ReplaceAll([]byte(strings.Join(lines, "\n")), []byte("$1.$2 --> $3.$4"))...)
}
