#pragma once
// The settings of a training run as a form, checked inline against the chosen corpus with
// TrainerConfig::validate so an impossible run is explained before Train is pressed. GUI thread only.
#include "train/trainer_config.h"

#include <QWidget>

#include <memory>

class QComboBox;
class QDoubleSpinBox;
class QFormLayout;
class QLabel;
class QSpinBox;
class QToolButton;

namespace lstm {

class TrainingSettingsForm : public QWidget {
  Q_OBJECT
public:
  explicit TrainingSettingsForm(QWidget *parent = nullptr);

  // The form's values over the last setConfig() (fields without a widget — epochs, forget bias, … — pass through).
  TrainerConfig config() const;
  // Shows `config`; values outside a spin box's range are clamped (the seed to 0 … 2^31 − 1).
  void setConfig(const TrainerConfig &config);
  // Fills in the settings suggestedConfig() gives for `corpus` (model size from its vocabulary and length, about
  // 20 epochs) and shows them as a suggestion above the form, which stays while the user overrides it. The learning
  // rate changes only when the kind of corpus does, so a rate the user chose survives another corpus of that kind.
  void suggestFor(const Corpus &corpus);
  // Sets the suggested model size, windows, iterations and evaluation interval again (after the user changed them).
  void useSuggestion();
  // The suggested model size, windows, iterations and evaluation interval are the ones in the form.
  bool followsSuggestion() const;
  // The corpus the settings are checked against; nullptr = none (the form is then invalid).
  void setCorpus(std::shared_ptr<const Corpus> corpus);
  // True when a corpus is set and config().validate(corpus) finds nothing.
  bool isValid() const { return m_valid; }
  // The sentence shown under the form: the problem, the memory estimate, or that a corpus is needed.
  QString message() const;

Q_SIGNALS:
  void changed(); // any value changed by the user or by setConfig / suggestFor / setCorpus

protected:
  void changeEvent(QEvent *event) override;

private:
  void retranslateUi();
  void revalidate();
  void buildSuggestionRow();
  void updateSuggestion(); // the suggestion's sentence, and whether "Use" can change anything
  QSpinBox *addSpin(const QString &objectName, int minimum, int maximum);

  TrainerConfig m_base; // carries the fields the form has no widget for
  std::shared_ptr<const Corpus> m_corpus;
  bool m_valid = false;
  bool m_updating = false; // setConfig in progress: validate and signal once at the end
  bool m_suggestedSeries = false; // the last suggestion was for a series corpus
  bool m_hasSuggestion = false;
  TrainerConfig m_suggestion;      // the last suggestion, for the corpus described by the three below
  QString m_suggestionCorpus;
  std::int64_t m_suggestionSymbols = 0; // 0 for a series
  std::int64_t m_suggestionLength = 0;

  QFormLayout *m_form = nullptr;
  QSpinBox *m_hidden = nullptr;
  QSpinBox *m_layers = nullptr;
  QSpinBox *m_embed = nullptr;
  QSpinBox *m_seq = nullptr;
  QSpinBox *m_batch = nullptr;
  QDoubleSpinBox *m_lr = nullptr;
  QComboBox *m_optimizer = nullptr;
  QDoubleSpinBox *m_clip = nullptr;
  QSpinBox *m_iterations = nullptr;
  QSpinBox *m_evalEvery = nullptr;
  QSpinBox *m_seed = nullptr;
  QSpinBox *m_threads = nullptr;
  QLabel *m_problem = nullptr;
  QWidget *m_suggestionRow = nullptr;
  QLabel *m_suggestionLabel = nullptr;
  QToolButton *m_useSuggestion = nullptr;
};

} // namespace lstm
