#pragma once
// The explorer's interventions: kept in the session's stepper, which applies them inside every step, and checked
// here; plus the two re-runs they call for — the recorded steps after the cursor when the set changes (so the
// effect shows at once on the rest of the text), and every recorded step, each with the interventions that were
// active at it, when other weights of the same network replace the model. GUI thread only.
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

  // True when steps after `cursor` were recorded: they were computed with another set and must run again.
  bool hasStepsAfter(int cursor) const;
  // Undoes the steps after `cursor` and takes them again with `stepOnce` (in read mode the same entries are read
  // again; in write mode new ones are written) until the trace is as long as before or `stepOnce` refuses.
  void rerunAfter(int cursor, const std::function<bool()> &stepOnce);

  using History = std::vector<std::vector<Intervention>>; // (steps) the interventions active at each step
  History history() const;
  // Into a fresh stepper: reads steps 0…count−1 with `readStep`, each with the interventions it had in `history`
  // (count ≤ history.size()), then activates `current` for the steps to come.
  void replay(const History &history, int count, const std::vector<Intervention> &current,
              const std::function<void(int step)> &readStep);

private:
  void activate(const std::vector<Intervention> &wanted);

  Stepper *m_stepper = nullptr;
};

} // namespace lstm
