package transcript

import "github.com/textdiarize/diarize/speaker"

// checkSpeaker reports the values of s that JSON cannot hold.
func checkSpeaker(s *speaker.Speaker) error {
	if err := checkFloat(s.NameConfidence); err != nil {
		return err
	}
	if s.Stats != nil {
		if err := checkFloat(s.Stats.Share); err != nil {
			return err
		}
		return checkFloat(s.Stats.MeanTurnWords)
	}
	return nil
}

// speakerDetails writes the fields of s after "name": "variants",
// "evidence", "name_confidence" and "stats", each left out when empty, as
// encoding/json does with omitempty.
func (e *jsonWriter) speakerDetails(s *speaker.Speaker) {
	if len(s.Variants) > 0 {
		e.raw(",\n      \"variants\": [")
		for i, v := range s.Variants {
			if i > 0 {
				e.raw(",")
			}
			e.raw("\n        ")
			e.string(v)
		}
		e.raw("\n      ]")
	}
	if len(s.Evidence) > 0 {
		e.raw(",\n      \"evidence\": [")
		for i, ev := range s.Evidence {
			if i > 0 {
				e.raw(",")
			}
			e.raw("\n        {\n          \"start\": ")
			e.int(ev.Start)
			e.raw(",\n          \"end\": ")
			e.int(ev.End)
			e.raw(",\n          \"kind\": ")
			e.string(string(ev.Kind))
			e.raw("\n        }")
		}
		e.raw("\n      ]")
	}
	if s.NameConfidence != 0 {
		e.raw(",\n      \"name_confidence\": ")
		e.float(s.NameConfidence)
	}
	if st := s.Stats; st != nil {
		e.raw(",\n      \"stats\": {\n        \"words\": ")
		e.int(st.Words)
		e.raw(",\n        \"share\": ")
		e.float(st.Share)
		e.raw(",\n        \"turns\": ")
		e.int(st.Turns)
		e.raw(",\n        \"questions\": ")
		e.int(st.Questions)
		e.raw(",\n        \"mean_turn_words\": ")
		e.float(st.MeanTurnWords)
		e.raw(",\n        \"longest_turn_words\": ")
		e.int(st.LongestTurnWords)
		e.raw("\n      }")
	}
}

// questions writes the top-level "questions" field: [] when there are
// none.
func (e *jsonWriter) questions(qs []Question) {
	e.raw(",\n  \"questions\": ")
	if len(qs) == 0 {
		e.raw("[]")
		return
	}
	e.raw("[")
	for i, q := range qs {
		if i > 0 {
			e.raw(",")
		}
		e.raw("\n    {\n      \"start\": ")
		e.int(q.Start)
		e.raw(",\n      \"end\": ")
		e.int(q.End)
		e.raw(",\n      \"text\": ")
		e.string(q.Text)
		e.raw("\n    }")
	}
	e.raw("\n  ]")
}
