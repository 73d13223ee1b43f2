# gradrepl-corpus: target=bn.moving_mean cause=keras_wrong_variables line=17 symptom=grad_none
import tensorflow as tf

inputs = tf.keras.Input((6,))
h = tf.keras.layers.Dense(12)(inputs)
bn = tf.keras.layers.BatchNormalization()
h = bn(h, training=True)
h = tf.keras.layers.ReLU()(h)
outputs = tf.keras.layers.Dense(1)(h)
model = tf.keras.Model(inputs, outputs)
opt = tf.keras.optimizers.SGD(0.01)

x = tf.random.normal((16, 6))
y = tf.random.normal((16, 1))
with tf.GradientTape() as tape:
    loss = tf.reduce_mean(tf.square(model(x, training=True) - y))
grads = tape.gradient(loss, model.weights)
for g, v in zip(grads, model.weights):
    if g is None:
        print("no gradient for", v.path)
