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

namespace lstm {

class TrainingSettingsForm : public QWidget {
  Q_OBJECT
public:
  explicit TrainingSettingsForm(QWidget *parent = nullptr);

  // The form's values over the last setConfig() (fields without a widget — epochs, forget bias, … — pass through).
  TrainerConfig config() const;
  // Shows `config`; values outside a spin box's range are clamped (the seed to 0 … 2^31 − 1).
  void setConfig(const TrainerConfig &config);
  // Fills in defaults sized to `corpus`: small texts get a small model, about 20 epochs of iterations; a series
  // gets 32 hidden units, 1 layer, windows of 50, batch 32 and learning rate 0.005 (the rate changes only when the
  // kind of corpus does, so a rate the user chose survives another corpus of the same kind).
  void suggestFor(const Corpus &corpus);
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
  QSpinBox *addSpin(const QString &objectName, int minimum, int maximum);

  TrainerConfig m_base; // carries the fields the form has no widget for
  std::shared_ptr<const Corpus> m_corpus;
  bool m_valid = false;
  bool m_updating = false; // setConfig in progress: validate and signal once at the end
  bool m_suggestedSeries = false; // the last suggestion was for a series corpus

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
};

} // namespace lstm
