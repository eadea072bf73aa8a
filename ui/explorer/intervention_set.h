#pragma once
// The explorer's interventions: kept in the session's stepper, which applies them inside every step, and checked
// here; plus the re-runs they call for — the recorded steps from the cursor on, the cursor's step included, when
// the set changes (so the effect shows at once, also at the last step); every recorded step with the active set
// when the user asks to re-read the text from its start; and every recorded step, each with the interventions
// that were active at it, when other weights of the same network replace the model. GUI thread only.
#include "explore/intervention.h"

#include <QString>

#include <functional>
#include <vector>

namespace lstm {

class Stepper;

class InterventionSet {
public:
  void attach(Stepper *stepper) { m_stepper = stepper; } // null without a model
  const std::vector<Intervention> &active() const;       // empty without a model

  // False with one sentence in `error` without a model, for an active duplicate or a unit the model lacks.
  bool add(const Intervention &intervention, QString *error);
  bool remove(int index); // false when there is no such intervention
  bool clear();           // false when none was active

  // Undoes the steps from `first` on (0 ≤ first < position) and takes them again with the active set: step
  // `first` re-reads its own entry with `readStep` (its input was decided before it), the later ones are taken
  // with `stepOnce` (in read mode the same entries are read again; in write mode new ones are written) until
  // the trace is as long as before or `stepOnce` refuses. The result equals a fresh read of steps 0…first−1,
  // the set activated, and the rest stepped.
  void rerunFrom(int first, const std::function<void(int step)> &readStep, const std::function<bool()> &stepOnce);
  // True when some recorded step ran with another set than the active one (re-reading from the start changes it).
  bool differsFromRecorded() const;

  using History = std::vector<std::vector<Intervention>>; // (steps) the interventions active at each step
  History history() const;
  // Into the reset stepper: reads steps 0…count−1 with `readStep`, each with the interventions it had in `history`
  // (count ≤ history.size()), then activates `current` for the steps to come.
  void replay(const History &history, int count, const std::vector<Intervention> &current,
              const std::function<void(int step)> &readStep);

private:
  void activate(const std::vector<Intervention> &wanted);

  Stepper *m_stepper = nullptr;
};

} // namespace lstm
