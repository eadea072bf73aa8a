#pragma once
// The explorer's one source of truth: the model, a Stepper and its Trace, the text being read or written (the
// "tape"), the inspected step (cursor), the selected layer/unit/quantity and the interventions. Views read the
// trace and these fields and react to the signals; they never keep engine state of their own.
//
// Steps and the tape: step s reads tape character s. In read mode the tape is the user's text and stepping
// forward reads its next character. In write mode stepping forward samples the next character from the last
// step's distribution, writes it to the tape after the current position (dropping any old continuation) and
// reads it. Stepping back undoes the last step exactly; the tape keeps the character, so read mode re-reads it.
//
// The cursor is the step the views focus on (the cell diagram, the equations, the distribution, the heatmap
// cursor). Stepping moves it to the last step; clicking a view moves it anywhere inside the trace without
// changing the model's state. Adding or removing an intervention re-runs every recorded step after the cursor,
// so its effect shows at once on the rest of the text; in write mode the re-run samples again.
//
// Series models (Dense(1) → Regression(1)) have a tape of numbers instead: step s reads tape value s,
// scaled with the model's metadata["series"] scaling, and predicts the next one. Write mode feeds the prediction
// back as the next input and appends it to the tape (a free-running forecast); everything else works as for text.
// Tape values and predictions are in original units; the trace holds the scaled ones.
//
// GUI thread only. Long runs (a 20 000-character text) step in slices from the event loop, never blocking it.
#include "data/series_scaling.h"
#include "explore/sampler.h"
#include "explore/stepper.h"

#include <QObject>
#include <QString>
#include <QTimer>

#include <functional>
#include <memory>
#include <optional>
#include <vector>

namespace lstm {

enum class DriveMode { Read, Write };

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
  // Swaps in other weights for the same network — same configuration and vocabulary, e.g. a later snapshot of
  // a training run — and re-reads every recorded step of the tape with them (each with the interventions that
  // were active at it), keeping the text, mode, cursor, selection and interventions: the views show how the
  // same text looks to the new weights. Emits
  // traceChanged (not modelChanged: nothing structural changed, so zoom and selection stay). False, and
  // nothing changes, when there is no model or the shapes or vocabularies differ: use setModel then.
  bool setWeights(std::shared_ptr<const Model> model, const QString &source);
  bool hasModel() const { return m_stepper != nullptr; }
  const Model &model() const { return m_stepper->model(); }        // precondition: hasModel()
  std::shared_ptr<const Model> sharedModel() const { return m_model; }
  QString modelSource() const { return m_source; }                 // path, or ":/models/…"
  const Trace &trace() const { return m_stepper->trace(); }        // precondition: hasModel()
  int steps() const { return hasModel() ? m_stepper->position() : 0; }
  NetworkState state() const { return hasModel() ? m_stepper->state() : NetworkState{}; } // next step starts here
  int layers() const { return hasModel() ? model().config.numLayers : 0; }
  int units() const { return hasModel() ? model().config.hiddenSize : 0; }

  // ---- the text (token models)
  // Replaces the tape with `text` and resets the state (no step taken). Characters outside the vocabulary are
  // refused: false, nothing changes, `error` names the first such character and its position. So is any text
  // for a model that does not read characters (a series model gets a sentence saying where series come from).
  bool setText(const QString &text, QString *error);
  // Adds `text` to the end of the tape (read mode reads it next). Same refusal as setText.
  bool appendText(const QString &text, QString *error);
  int tapeLength() const { return m_seriesTape ? int(m_values.size()) : int(m_tape.size()); } // characters or values
  // Token of tape character `index`; −1 for a series tape. Precondition: 0 ≤ index < tapeLength().
  std::int32_t tapeToken(int index) const { return m_seriesTape ? -1 : m_tape[std::size_t(index)]; }
  QString tapeText() const;                  // the whole tape as text
  QString tokenText(std::int32_t token) const; // the symbol itself ("\n" stays "\n"); "" for −1
  // One-line label for a token: "↵" for newline, "⇥" for tab, "␣" for space, the symbol otherwise.
  QString tokenLabel(std::int32_t token) const;

  // ---- the series (series models)
  // True when the model is a series model, so the tape holds numbers (even while it is empty).
  bool isSeriesTape() const { return m_seriesTape; }
  // Replaces the tape with `values` (original units) and resets the state (no step taken). Refused — false,
  // nothing changes, one sentence in `error` — without a series model, with an unusable scaling in the model,
  // or when a value is not finite.
  bool setSeries(std::vector<double> values, QString *error);
  // Tape value `index` in original units. Precondition: isSeriesTape(), 0 ≤ index < tapeLength().
  double tapeValue(int index) const { return m_values[std::size_t(index)]; }
  // The model's prediction of the value after `step`, in original units; NaN without a series tape or outside the trace.
  double predictionAt(int step) const;
  // The scaling between original units and what the model reads; identity for token models.
  SeriesScaling seriesScaling() const { return m_scaling; }

  // ---- driving
  DriveMode mode() const { return m_mode; }
  void setMode(DriveMode mode);
  // Read mode: reads the next tape character (false at the end of the tape). Write mode: samples and reads
  // (false in pick mode, where the user chooses with stepWithToken). A series in write mode reads the model's
  // own prediction (pick mode does not apply).
  bool stepForward();
  // Write mode: reads `token` as the next character, writing it to the tape. Read mode: false.
  bool stepWithToken(std::int32_t token);
  bool stepBack();                 // undo the last step; false when there is none
  void reset();                    // zero state, empty trace; tape, interventions and selection kept
  // Moves the model to have taken exactly `count` steps: undoes, or (read mode) reads on along the tape,
  // in slices from the event loop when it is far. Returns false when the tape is too short.
  bool runTo(int count);
  // Takes up to `count` steps in the current mode now, synchronously, with one traceChanged. Returns the number
  // taken (fewer at the end of the tape or in pick mode). For priming and scripted runs; the UI uses runTo.
  int stepMany(int count);

  bool playing() const { return m_playTimer.isActive(); }
  void play();                     // steps at playRate() until paused, the tape ends (read) or a step fails
  void pause();
  double playRate() const { return m_playRate; }
  void setPlayRate(double stepsPerSecond); // clamped to 1…500

  SamplingOptions samplingOptions() const { return m_samplingOptions; }
  void setSamplingOptions(const SamplingOptions &options); // precondition: options.validate() is empty; reseeds
  bool pickMode() const { return m_pickMode; }
  void setPickMode(bool on);

  // ---- focus
  int cursor() const { return m_cursor; }  // −1 when there are no steps
  void setCursor(int step);                // clamped into the trace

  int selectedLayer() const { return m_layer; }
  int selectedUnit() const { return m_unit; }
  Quantity selectedQuantity() const { return m_quantity; }
  void selectUnit(int layer, int unit);    // also adds the unit to the traced units of that layer
  void selectLayer(int layer);
  void selectQuantity(Quantity quantity);
  // Units plotted by the unit-trace view (of the selected layer), in the order added.
  const std::vector<int> &tracedUnits() const { return m_tracedUnits; }
  void addTracedUnit(int unit);
  void removeTracedUnit(int unit);

  // ---- interventions
  const std::vector<Intervention> &interventions() const;
  // False with a reason when layer/unit are out of range or the same intervention is already active.
  bool addIntervention(const Intervention &intervention, QString *error);
  void removeIntervention(int index);
  void clearInterventions();

  // Calls `onChange` (in `context`'s thread, disconnected with it) whenever anything a view of the inspected
  // step shows may have changed: the model, the trace, the cursor, the selection or the interventions.
  void onFocusChanged(QObject *context, const std::function<void()> &onChange);

  // ---- export
  // Writes the trace as CSV: step,char,layer,unit,i,f,g,o,c,h (one row per step, layer and unit). Atomic.
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
  bool stepOnce();                     // one step in the current mode, no signals
  bool readToken(std::int32_t token);  // one step of `token`, loss of the previous step filled in
  bool readValue(double value);        // one step of a series value (original units), scaled here
  bool stepSeriesOnce(int position);   // stepOnce for a series tape
  bool canWrite() const;               // the model predicts characters or the next value of its series
  void rerunAfterCursor();             // after an intervention change
  void onPlayTick();
  void afterSteps();                   // cursor to the last step, traceChanged
  void restartOnNewTape();             // after the tape was replaced: zero state, no steps, signals
  std::optional<std::vector<std::int32_t>> encode(const QString &text, QString *error) const;

  std::shared_ptr<const Model> m_model;
  std::unique_ptr<Stepper> m_stepper;
  QString m_source;
  std::vector<std::int32_t> m_tape;
  bool m_seriesTape = false;           // the tape is m_values, not m_tape
  std::vector<double> m_values;        // (N) series tape, original units
  SeriesScaling m_scaling;             // of the series model; identity otherwise
  QString m_scalingProblem;            // why the model's scaling is unusable (then setSeries refuses)
  DriveMode m_mode = DriveMode::Read;
  SamplingOptions m_samplingOptions;
  std::unique_ptr<Sampler> m_sampler;
  bool m_pickMode = false;
  Vector<float> m_output;              // scratch (V)
  int m_cursor = -1;
  int m_layer = 0, m_unit = 0;
  Quantity m_quantity = Quantity::Cell;
  std::vector<int> m_tracedUnits;
  QTimer m_playTimer;
  double m_playRate = 20.0;
  qint64 m_playStartMs = 0;
  std::int64_t m_playStepsDone = 0;
  int m_runTarget = -1;                // runTo in progress (steps)
};

} // namespace lstm
