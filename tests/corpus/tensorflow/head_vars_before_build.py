# gradrepl-corpus: target=model.head.kernel cause=keras_model_not_built line=17 symptom=error
import tensorflow as tf


class Classifier(tf.keras.Model):
    def __init__(self):
        super().__init__()
        self.backbone = tf.keras.layers.Dense(16, activation="relu")
        self.head = tf.keras.layers.Dense(3)

    def call(self, x):
        return self.head(self.backbone(x))


model = Classifier()
opt = tf.keras.optimizers.SGD(0.05)
head_vars = model.head.trainable_variables
ce = tf.keras.losses.SparseCategoricalCrossentropy(from_logits=True)
x = tf.random.normal((12, 7))
y = tf.constant([0, 1, 2] * 4)
for step in range(3):
    with tf.GradientTape() as tape:
        loss = ce(y, model(x))
    grads = tape.gradient(loss, head_vars)
    opt.apply_gradients(zip(grads, head_vars))
    print(step, float(loss))
