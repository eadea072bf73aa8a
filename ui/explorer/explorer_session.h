#pragma once
// The explorer's one source of truth and a thin front over its parts: the model with a Stepper and its Trace;
// the tape, what is read or written (core/explore/tape.h: characters of a token model, or the values of a series
// model in original units); the player, which steps along the tape, plays and runs (explorer_player.h); the
// focus, the inspected step (cursor) and the selected layer/unit/quantity (explorer_focus.h); and the
// interventions with their re-runs (intervention_set.h). The session wires them and announces every change with
// its signals; views read the trace and these fields and keep no engine state of their own.
//
// Steps and the tape: step s reads tape entry s. Read mode reads the tape's next entry; write mode lets the model
// write the next one (a sampled character, or its own prediction of the next value) after the current position,
// dropping any old continuation, and reads it. Stepping back undoes the last step exactly; the tape keeps the
// entry, so read mode re-reads it. Stepping moves the cursor to the last step; clicking a view moves it anywhere
// inside the trace without changing the model's state. Adding or removing an intervention re-runs every recorded
// step from the cursor on, the cursor's own step included, so its effect shows at once (at the last step too);
// in write mode the steps after the cursor write again. rereadFromStart re-reads every recorded step with the
// active interventions. Series values are scaled with the model's metadata["series"]; the trace holds the scaled ones.
//
// GUI thread only. Long runs (a 20 000-character text) step in slices from the event loop, never blocking it.
#include "common/problem.h"
#include "explore/stepper.h"
#include "explore/tape.h"
#include "explorer_focus.h"
#include "explorer_player.h"
#include "intervention_set.h"

#include <QObject>
#include <QString>

#include <functional>
#include <memory>
#include <optional>
#include <vector>

namespace lstm {

class ExplorerSession : public QObject {
  Q_OBJECT
public:
  explicit ExplorerSession(QObject *parent = nullptr);
  ~ExplorerSession() override;

  // ---- model
  // Loads a model file (":/…" for built-in ones). On failure nothing changes and `error` is "<path>: <problem>".
  bool openModel(const QString &path, QString *error);
  // Replaces the model: empty trace and tape, selection and interventions cleared. Precondition: consistent model.
  void setModel(std::shared_ptr<const Model> model, const QString &source);
  // Swaps in other weights for the same network (same configuration and vocabulary, e.g. a later snapshot of a
  // training run) and re-reads every recorded step of the tape with them, each with the interventions that were
  // active at it, keeping the tape, mode, cursor, selection and interventions. Emits weightsChanged and
  // traceChanged (not modelChanged: zoom and selection stay). False, and nothing changes, without a model or
  // when the shapes, vocabularies or series scaling do not fit: use setModel then.
  bool setWeights(std::shared_ptr<const Model> model, const QString &source);
  bool hasModel() const { return m_stepper != nullptr; }
  const Model &model() const { return m_stepper->model(); } // precondition: hasModel()
  std::shared_ptr<const Model> sharedModel() const { return m_model; }
  QString modelSource() const { return m_source; }          // path, or ":/models/…"
  const Trace &trace() const { return m_stepper->trace(); } // precondition: hasModel()
  int steps() const { return hasModel() ? m_stepper->position() : 0; }
  NetworkState state() const { return hasModel() ? m_stepper->state() : NetworkState{}; } // next step starts here
  int layers() const { return hasModel() ? model().config.numLayers : 0; }
  int units() const { return hasModel() ? model().config.hiddenSize : 0; }

  // ---- the tape
  const Tape &tape() const { return *m_tape; } // an empty text tape without a model
  // Replaces the tape with `text` and resets the state (no step taken). Characters outside the vocabulary are
  // refused: false, nothing changes, `error` names the first such character and its position (from 1). So is any
  // text for a model that does not read characters (a series model gets a sentence saying where series come from).
  bool setText(const QString &text, QString *error);
  bool appendText(const QString &text, QString *error); // to the end of the tape; same refusals as setText
  int tapeLength() const { return m_tape->length(); }   // characters or values
  std::int32_t tapeToken(int index) const { return m_tape->token(index); } // −1 on a series tape
  QString tapeText() const { return m_text ? m_text->text() : QString(); }
  bool tapeWritten(int index) const { return m_tape->written(index); } // the model wrote this entry (write mode)
  QString tokenText(std::int32_t token) const;  // the symbol itself ("\n" stays "\n"); "" for −1
  QString tokenLabel(std::int32_t token) const; // one line: "↵" for newline, "⇥" for tab, "␣" for space

  // True when the model is a series model, so the tape holds numbers (even while it is empty).
  bool isSeriesTape() const { return m_series != nullptr; }
  // Replaces the tape with `values` (original units) and resets the state. Refused (false, nothing changes, one
  // sentence in `error`) without a series model, with an unusable scaling in the model, or for a value that is not
  // finite.
  bool setSeries(std::vector<double> values, QString *error);
  double tapeValue(int index) const { return m_series->value(index); } // precondition: isSeriesTape(), in the tape
  // The model's prediction of the value after `step`, in original units; NaN without a series tape or outside the trace.
  double predictionAt(int step) const;
  SeriesScaling seriesScaling() const { return m_series ? m_series->scaling() : SeriesScaling{}; }

  // ---- driving (ExplorerPlayer documents each)
  ExplorerPlayer &player() { return m_player; }
  DriveMode mode() const { return m_player.mode(); }
  void setMode(DriveMode mode) { m_player.setMode(mode); }
  bool stepForward() { return m_player.stepForward(); }
  bool stepWithToken(std::int32_t token) { return m_player.stepWithToken(token); }
  bool stepBack();                         // undo the last step; false when there is none
  // The keys' moves, as a debugger's: nextStep moves the cursor one step on, and at the last step takes a new one
  // (reads or writes); previousStep, firstStep and lastStep only move the cursor, nothing is undone;
  // dropLastStep undoes the last step. Each either changes something or says why not in message().
  bool nextStep();
  bool previousStep();
  bool firstStep();
  bool lastStep();
  bool dropLastStep();
  void reset();                            // zero state, empty trace; tape, interventions and selection kept
  bool runTo(int count) { return m_player.runTo(count); }
  int stepMany(int count) { return m_player.stepMany(count); } // for priming and scripted runs; the UI uses runTo
  bool playing() const { return m_player.playing(); }
  void play() { m_player.play(); } // from the cursor: along the steps already taken, then on along the tape
  void pause() { m_player.pause(); }
  double playRate() const { return m_player.playRate(); }
  void setPlayRate(double stepsPerSecond) { m_player.setPlayRate(stepsPerSecond); }
  SamplingOptions samplingOptions() const { return m_player.samplingOptions(); }
  void setSamplingOptions(const SamplingOptions &options) { m_player.setSamplingOptions(options); }
  bool pickMode() const { return m_player.pickMode(); }
  void setPickMode(bool on) { m_player.setPickMode(on); }

  // ---- focus (ExplorerFocus documents each)
  const ExplorerFocus &focus() const { return m_focus; }
  int cursor() const { return m_focus.cursor(); }
  void setCursor(int step);
  int selectedLayer() const { return m_focus.layer(); }
  int selectedUnit() const { return m_focus.unit(); }
  Quantity selectedQuantity() const { return m_focus.quantity(); }
  void selectUnit(int layer, int unit) { selectionEdited(m_focus.selectUnit(layer, unit)); }
  void selectLayer(int layer) { selectionEdited(m_focus.selectLayer(layer)); }
  void selectQuantity(Quantity quantity) { selectionEdited(m_focus.selectQuantity(quantity)); }
  const std::vector<int> &tracedUnits() const { return m_focus.tracedUnits(); }
  void addTracedUnit(int unit) { selectionEdited(m_focus.addTracedUnit(unit)); }
  void removeTracedUnit(int unit) { selectionEdited(m_focus.removeTracedUnit(unit)); }

  // ---- interventions (InterventionSet documents each); a change re-runs the steps from the cursor on, the
  // cursor's step included; with no step taken it acts from the first one.
  const std::vector<Intervention> &interventions() const { return m_interventions.active(); }
  bool addIntervention(const Intervention &intervention, QString *error) {
    return afterInterventionEdit(m_interventions.add(intervention, error));
  }
  void removeIntervention(int index) { afterInterventionEdit(m_interventions.remove(index)); }
  void clearInterventions() { afterInterventionEdit(m_interventions.clear()); }
  // Reads every recorded step again from a zero state, all with the active interventions, in read mode's way
  // (the tape's entries, written ones included); the cursor stays. False (and a message) when no step was taken.
  bool rereadFromStart();
  // True when some recorded step ran with other interventions than the active ones.
  bool interventionsDifferFromRecorded() const { return m_interventions.differsFromRecorded(); }

  // Calls `onChange` (in `context`'s thread, disconnected with it) whenever anything a view of the inspected
  // step shows may have changed: the model, the trace, the cursor, the selection or the interventions.
  void onFocusChanged(QObject *context, const std::function<void()> &onChange);

  // Writes the trace as CSV (explorer_csv.h). Atomic.
  bool exportTraceCsv(const QString &path, QString *error) const;

Q_SIGNALS:
  void modelChanged();                 // a new model: everything else changed too
  void weightsChanged();               // setWeights: same network, new weights (traceChanged follows)
  void traceChanged();                 // steps appended, undone, reset or re-run (once per action or play tick)
  void tapeChanged();                  // the text changed
  void cursorChanged(int step);
  void selectionChanged();             // layer, unit, quantity or traced units
  void interventionsChanged();
  void modeChanged(lstm::DriveMode mode);
  void playingChanged(bool playing);
  void samplingChanged();
  void message(const QString &text);   // for the status bar: end of text, refusals while playing …

private:
  void attachParts();                  // after m_stepper or m_tape was replaced
  void afterSteps(bool wroteTape);     // cursor to the last step, tapeChanged when written, traceChanged
  void selectionEdited(bool changed) {
    if (changed)
      Q_EMIT selectionChanged();
  }
  bool afterInterventionEdit(bool changed); // when changed: the steps from the cursor re-run, interventionsChanged
  void restartOnNewTape();             // after the tape was replaced: zero state, no steps, signals

  std::shared_ptr<const Model> m_model;
  std::unique_ptr<Stepper> m_stepper;
  QString m_source;
  std::unique_ptr<Tape> m_tape;        // never null
  TextTape *m_text = nullptr;          // m_tape when it is a text tape
  SeriesTape *m_series = nullptr;      // m_tape when it is a series tape
  Problem m_scalingProblem;            // why the series model's scaling is unusable (then setSeries refuses)
  ExplorerPlayer m_player;
  ExplorerFocus m_focus;
  InterventionSet m_interventions;
};

} // namespace lstm
